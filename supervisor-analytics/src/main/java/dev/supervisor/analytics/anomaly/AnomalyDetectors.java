package dev.supervisor.analytics.anomaly;

import java.util.List;

/** Factories of the built-in detectors. Each call returns a fresh detector for one series. */
public final class AnomalyDetectors {
    private AnomalyDetectors() {
    }

    /** @param window values in the rolling window (≥ 10) @return a rolling z-score detector (band ±3σ) */
    public static AnomalyDetector zScore(int window) {
        check(window >= 10, "window must be at least 10 but was " + window);
        return new Detectors.ZScore(window, 3);
    }

    /** @param window values in the rolling window (≥ 10) @return a rolling median/MAD detector (band ±3 robust σ) */
    public static AnomalyDetector mad(int window) {
        check(window >= 10, "window must be at least 10 but was " + window);
        return new Detectors.Mad(window, 3);
    }

    /**
     * @param alpha smoothing in (0, 1)
     * @param k band width in standard deviations (> 0)
     * @return an EWMA detector
     */
    public static AnomalyDetector ewma(double alpha, double k) {
        check(alpha > 0 && alpha < 1, "alpha must be in (0, 1) but was " + alpha);
        check(k > 0, "k must be positive but was " + k);
        return new Detectors.Ewma(alpha, k);
    }

    /**
     * @param window moving-average length (≥ 10)
     * @param k band width in standard deviations (> 0)
     * @return a moving-average band detector
     */
    public static AnomalyDetector movingAverageBand(int window, double k) {
        check(window >= 10, "window must be at least 10 but was " + window);
        check(k > 0, "k must be positive but was " + k);
        return new Detectors.ZScore(window, k);
    }

    /**
     * @param low lowest normal value
     * @param high highest normal value
     * @return a detector scoring 1 outside [low, high]
     */
    public static AnomalyDetector threshold(double low, double high) {
        check(low <= high, "low must not exceed high: " + low + " > " + high);
        return new Detectors.Threshold(low, high);
    }

    /** @return a seasonal residual detector that learns its period from the first 1,000 points */
    public static AnomalyDetector seasonal() {
        return new SeasonalResidualDetector(1000);
    }

    /**
     * @return the default ensemble: EWMA, robust MAD, level shift (against earlier windows' means), seasonal residual
     *         and time-of-day members, each turned into an anomaly likelihood, max-combined, with a refractory period
     *         after an alarm, a spatial check (a value beyond the seen range by 5% of it scores 1) and damping of
     *         alarms that recur at the same hour of day
     */
    public static AnomalyDetector defaultEnsemble() {
        return new EnsembleDetector(List.of(ewma(0.05, 3), mad(100), new LevelShiftDetector(6, 2000, true),
                seasonal(), new TimeOfDayDetector(24, true, 0.05, 10, 0.1)), 5, 2000, 0.65, 100, 0.5, 0.05, 0.6);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
