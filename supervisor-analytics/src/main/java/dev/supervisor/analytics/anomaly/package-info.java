/**
 * Streaming, causal anomaly detection: every detector scores a point from that point and earlier ones only, with
 * bounded state. Rolling z-score, robust median/MAD, EWMA and moving-average bands, fixed thresholds, level shift,
 * time of day, a seasonal residual detector with the period found by autocorrelation, a batch seasonal-hybrid ESD,
 * and an ensemble ({@link dev.supervisor.analytics.anomaly.EnsembleConfig}) that raises one alarm per incident.
 * Scores are anomaly scores in [0, 1], not probabilities; each detector answers a threshold per
 * {@link dev.supervisor.analytics.anomaly.AlarmProfile}, and {@link dev.supervisor.analytics.anomaly.AnomalyTracker}
 * turns scores into anomaly windows.
 */
package dev.supervisor.analytics.anomaly;
