package dev.supervisor.analytics.m4;

/**
 * The six M4 frequencies with the organisers' constants: the forecast horizon, the seasonality {@code m} used by
 * Naive2 and the MASE scale, and the calendar cycles a method may model (e.g. 52.18 weeks per year), which the
 * organisers' benchmarks do not use.
 */
public enum M4Frequency {
    /** Yearly: h = 6, m = 1, no cycle. */
    YEARLY("Yearly", 6, 1),
    /** Quarterly: h = 8, m = 4, a year of 4 quarters. */
    QUARTERLY("Quarterly", 8, 4, 4),
    /** Monthly: h = 18, m = 12, a year of 12 months. */
    MONTHLY("Monthly", 18, 12, 12),
    /** Weekly: h = 13, m = 1; a year of 52.18 weeks. */
    WEEKLY("Weekly", 13, 1, 365.25 / 7),
    /** Daily: h = 14, m = 1; a week of 7 days and a year of 365.25 days. */
    DAILY("Daily", 14, 1, 7, 365.25),
    /** Hourly: h = 48, m = 24; a day of 24 hours and a week of 168. */
    HOURLY("Hourly", 48, 24, 24, 168);

    private final String stem;
    private final int horizon;
    private final int seasonality;
    private final double[] cycles;

    M4Frequency(String stem, int horizon, int seasonality, double... cycles) {
        this.stem = stem;
        this.horizon = horizon;
        this.seasonality = seasonality;
        this.cycles = cycles;
    }

    /** @return the file name stem, e.g. {@code Weekly} for {@code Weekly-train.csv} */
    public String stem() {
        return stem;
    }

    /** @return the organisers' forecast horizon */
    public int horizon() {
        return horizon;
    }

    /** @return the organisers' seasonality m (Naive2's season and the MASE lag) */
    public int seasonality() {
        return seasonality;
    }

    /** @return calendar cycles in steps, shortest first (empty for yearly data) */
    public double[] cycles() {
        return cycles.clone();
    }

    /**
     * @param name a frequency name in any case, e.g. {@code weekly}
     * @return the frequency
     * @throws IllegalArgumentException for an unknown name
     */
    public static M4Frequency of(String name) {
        for (M4Frequency f : values()) {
            if (f.stem.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown M4 frequency " + name + "; expected one of yearly, quarterly, "
                + "monthly, weekly, daily, hourly");
    }
}
