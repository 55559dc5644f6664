package dev.supervisor.analytics.forecast;

/**
 * Forecasts a regularly spaced series from its history. Implementations are immutable and thread-safe; they fit
 * their parameters on each call from the history alone.
 */
public interface Forecaster {
    /** @return a short method name, e.g. {@code snaive24} */
    String name();

    /**
     * @param history observations, oldest first; finite values
     * @param horizon steps to forecast, at least 1
     * @return point forecasts (and intervals at 95%)
     * @throws IllegalArgumentException if the history is too short for the method or has non-finite values
     */
    Forecast forecast(double[] history, int horizon);

    /**
     * @param history observations
     * @param horizon steps
     * @return only the point forecasts (cheaper for back-tests; the default computes the full forecast)
     */
    default double[] point(double[] history, int horizon) {
        return forecast(history, horizon).mean();
    }
}
