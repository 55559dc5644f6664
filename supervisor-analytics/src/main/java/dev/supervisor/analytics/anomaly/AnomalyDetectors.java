package dev.supervisor.analytics.anomaly;

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

    /**
     * @param recent points in the recent mean (3–100); their largest and smallest are left out, so that one spike
     *               does not pass for a shift
     * @param history earlier recent-window means describing normal behaviour (≥ 30)
     * @return a level-shift detector: the trimmed mean of the last {@code recent} points against the distribution
     *         of earlier such means, so that autocorrelation and regular bursts widen the normal band
     */
    public static AnomalyDetector levelShift(int recent, int history) {
        return levelShift(recent, history, true);
    }

    /**
     * @param recent points in the recent mean (3–100)
     * @param history earlier recent-window means describing normal behaviour (≥ 30)
     * @param trimmed whether the largest and smallest recent points are left out of the mean
     * @return a level-shift detector, as {@link #levelShift(int, int)}, with or without trimming
     */
    public static AnomalyDetector levelShift(int recent, int history, boolean trimmed) {
        check(recent >= 3 && recent <= 100, "recent must be between 3 and 100 but was " + recent);
        check(history >= 30, "history must be at least 30 but was " + history);
        return new LevelShiftDetector(recent, history, true, trimmed);
    }

    /**
     * @param slotsPerDay time-of-day slots (1–1440), e.g. 24 for hours
     * @param weekends whether Saturdays and Sundays (UTC) get their own slots
     * @return a detector scoring a value against the values seen in the same slot on earlier days
     */
    public static AnomalyDetector timeOfDay(int slotsPerDay, boolean weekends) {
        check(slotsPerDay >= 1 && slotsPerDay <= 1440, "slotsPerDay must be between 1 and 1440 but was "
                + slotsPerDay);
        return new TimeOfDayDetector(slotsPerDay, weekends, 0.05, 10, 0.1);
    }

    /** @return a seasonal residual detector that learns its period from the first 1,000 points */
    public static AnomalyDetector seasonal() {
        return new SeasonalResidualDetector(1000);
    }

    /**
     * @return the default ensemble ({@link EnsembleConfig#defaults()}): robust median/MAD, level shift (trimmed
     *         means against earlier windows' means) and time-of-day members, each turned into an anomaly likelihood,
     *         max-combined, with a refractory period after an alarm, a range check (a value beyond the range of the
     *         last 8,640 points by 5% of it scores 1) and damping of alarms that recur at the same hour of day
     */
    public static AnomalyDetector defaultEnsemble() {
        return new EnsembleDetector(EnsembleConfig.defaults());
    }

    /**
     * @param config the settings
     * @return an ensemble detector with those settings
     * @throws IllegalArgumentException if the configuration's members supplier gives no member
     */
    public static AnomalyDetector ensemble(EnsembleConfig config) {
        return new EnsembleDetector(java.util.Objects.requireNonNull(config, "config"));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
