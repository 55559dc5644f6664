/**
 * Streaming, causal anomaly detection: every detector scores a point from that point and earlier ones only, with
 * bounded state. Rolling z-score, robust median/MAD, EWMA and moving-average bands, fixed thresholds, a seasonal
 * residual detector with the period found by autocorrelation, a batch seasonal-hybrid ESD, and a default ensemble
 * whose scores are calibrated tail probabilities in [0, 1]. {@link dev.supervisor.analytics.anomaly.AnomalyTracker}
 * turns scores into anomaly windows.
 */
package dev.supervisor.analytics.anomaly;
