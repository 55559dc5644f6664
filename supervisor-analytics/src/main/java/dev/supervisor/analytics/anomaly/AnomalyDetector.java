package dev.supervisor.analytics.anomaly;

/**
 * A streaming detector for one series. Not thread-safe: one instance per series, fed in time order. Causal by
 * contract: {@link #update} sees the new point and the past, never the future.
 */
public interface AnomalyDetector {
    /** @return a short name, e.g. {@code zscore} */
    String name();

    /**
     * @param epochMillis the point's time
     * @param value the point's value (non-finite values score 0 and do not change the state)
     * @return how anomalous the point is, in [0, 1] (a calibrated tail probability for most detectors)
     */
    double update(long epochMillis, double value);

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
