package dev.supervisor.analytics.anomaly;

/**
 * A streaming detector for one series. Not thread-safe: one instance per series, fed in time order. Causal by
 * contract: {@link #update} sees the new point and the past, never the future.
 *
 * <p>Scores are anomaly scores in [0, 1], higher meaning more anomalous; they are not probabilities. The single-rule
 * detectors report the two-sided Gaussian confidence P(|Z| ≤ |z|) of the point's standardised deviation z, which
 * would be one minus a tail probability only if the deviations were Gaussian (real metrics are heavier-tailed, so
 * extreme scores come far more often than the number suggests); the ensemble reports an alarm score (see
 * {@link EnsembleDetector}). Compare a score with the detector's {@link #threshold(AlarmProfile)}.
 */
public interface AnomalyDetector {
    /** @return a short name, e.g. {@code zscore} */
    String name();

    /**
     * @param epochMillis the point's time
     * @param value the point's value (non-finite values score 0 and do not change the state)
     * @return the point's anomaly score in [0, 1]
     */
    double update(long epochMillis, double value);

    /**
     * The score from which a point should raise an alarm. The default suits the single-rule detectors' Gaussian
     * confidence: |z| of 4 (standard), 5 (fewer false alarms) and 3.5 (fewer misses), conventional levels for
     * heavy-tailed operational metrics rather than values fitted to any benchmark.
     *
     * @param profile the trade-off between false alarms and misses
     * @return the threshold, in (0, 1]
     */
    default double threshold(AlarmProfile profile) {
        return switch (profile) {
            case STANDARD -> 0.99993666;
            case FEWER_FALSE_ALARMS -> 0.99999943;
            case FEWER_MISSES -> 0.99953474;
        };
    }

    /** @return the value the detector expected for the last point, or NaN while warming up */
    default double expected() {
        return Double.NaN;
    }

    /** @return the lower edge of the normal band for the last point, or NaN */
    default double lower() {
        return Double.NaN;
    }

    /** @return the upper edge of the normal band for the last point, or NaN */
    default double upper() {
        return Double.NaN;
    }
}
