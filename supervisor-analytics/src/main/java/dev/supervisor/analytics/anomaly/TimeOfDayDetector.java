package dev.supervisor.analytics.anomaly;

import dev.supervisor.analytics.anomaly.internal.Stats;

/**
 * Scores a value against the values seen at the same time of day on earlier days: an exponentially weighted mean and
 * variance per time-of-day slot (from the point's timestamp, UTC), with weekdays and weekends in separate slots when
 * asked. A spike that is normal at 03:00 is then not normal at 15:00, and a daily pattern that stops is noticed. The
 * slot's spread is floored at a fraction of the whole series' spread so that a slot with a few near-identical values
 * does not alarm on any change, and a slot scores only once it has seen enough values.
 */
final class TimeOfDayDetector extends BandedDetector {
    private static final long DAY = 86_400_000L;
    private final int slotsPerDay;
    private final boolean weekends;
    private final double alpha;
    private final int minCount;
    private final double floor;
    private final double[] mean;
    private final double[] var;
    private final int[] count;
    private double globalMean;
    private double globalVar;
    private long n;

    /**
     * @param slotsPerDay slots per day (24: hourly)
     * @param weekends whether Saturdays and Sundays have their own slots
     * @param alpha weight of a new value in its slot's statistics
     * @param minCount values a slot needs before it scores
     * @param floor the slot's standard deviation is at least this fraction of the series' standard deviation
     */
    TimeOfDayDetector(int slotsPerDay, boolean weekends, double alpha, int minCount, double floor) {
        this.slotsPerDay = slotsPerDay;
        this.weekends = weekends;
        this.alpha = alpha;
        this.minCount = minCount;
        this.floor = floor;
        int slots = weekends ? 2 * slotsPerDay : slotsPerDay;
        this.mean = new double[slots];
        this.var = new double[slots];
        this.count = new int[slots];
    }

    @Override
    public String name() {
        return "timeofday";
    }

    /** @return the slot of a time: hour-of-day style index, shifted by a day's slots on weekends if enabled */
    int slot(long t) {
        int s = (int) (Math.floorMod(t, DAY) * slotsPerDay / DAY);
        if (weekends) {
            // 1970-01-01 was a Thursday, so days since the epoch mod 7 of 2 and 3 are Saturday and Sunday.
            long dow = Math.floorMod(Math.floorDiv(t, DAY), 7L);
            if (dow == 2 || dow == 3) {
                s += slotsPerDay;
            }
        }
        return s;
    }

    @Override
    public double update(long t, double v) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        int s = slot(t);
        double score = 0;
        if (count[s] >= minCount) {
            double sd = Math.sqrt(Math.max(var[s], floor * floor * globalVar));
            expected = mean[s];
            band = 3 * sd;
            score = sd == 0 ? (v == mean[s] ? 0 : 1) : Stats.twoSided((v - mean[s]) / sd);
        }
        // Running mean while a slot is young, then exponentially weighted.
        double a = Math.max(alpha, 1.0 / (count[s] + 1));
        double d = v - mean[s];
        mean[s] += a * d;
        var[s] = (1 - a) * (var[s] + a * d * d);
        count[s] = Math.min(count[s] + 1, Integer.MAX_VALUE - 1);
        double ga = Math.max(0.001, 1.0 / (n + 1));
        double gd = v - globalMean;
        globalMean += ga * gd;
        globalVar = (1 - ga) * (globalVar + ga * gd * gd);
        n++;
        return score;
    }
}
