package dev.supervisor.analytics.anomaly;

import dev.supervisor.analytics.anomaly.internal.Stats;

/**
 * Scores a value against the values seen at the same time of day on earlier days (exponentially weighted mean and
 * variance per time-of-day slot), so a spike that is normal at 03:00 is not normal at 15:00. The slot's spread is
 * floored at a fraction of the whole series' spread so that a slot with a few identical values does not alarm on
 * any change.
 */
final class TimeOfDayDetector implements AnomalyDetector {
    private static final long DAY = 86_400_000L;
    private final int slots;
    private final double alpha;
    private final int minCount;
    private final double floor;
    private final double[] mean;
    private final double[] var;
    private final int[] count;
    private double gMean;
    private double gVar;
    private long n;
    private double expected = Double.NaN;
    private double band = Double.NaN;

    TimeOfDayDetector(int slots, double alpha, int minCount, double floor) {
        this.slots = slots;
        this.alpha = alpha;
        this.minCount = minCount;
        this.floor = floor;
        this.mean = new double[slots];
        this.var = new double[slots];
        this.count = new int[slots];
    }

    @Override
    public String name() {
        return "timeofday";
    }

    @Override
    public double update(long t, double v) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        int s = (int) (Math.floorMod(t, DAY) * slots / DAY);
        double score = 0;
        if (count[s] >= minCount) {
            double sd = Math.sqrt(Math.max(var[s], floor * floor * gVar));
            expected = mean[s];
            band = 3 * sd;
            score = sd == 0 ? (v == mean[s] ? 0 : 1) : Stats.twoSided((v - mean[s]) / sd);
        }
        if (count[s] == 0) {
            mean[s] = v;
        } else {
            double a = Math.max(alpha, 1.0 / (count[s] + 1));
            double d = v - mean[s];
            mean[s] += a * d;
            var[s] = (1 - a) * (var[s] + a * d * d);
        }
        count[s]++;
        double ga = Math.max(0.001, 1.0 / (n + 1));
        double gd = v - gMean;
        gMean += ga * gd;
        gVar = (1 - ga) * (gVar + ga * gd * gd);
        n++;
        return score;
    }

    @Override
    public double expected() {
        return expected;
    }

    @Override
    public double lower() {
        return expected - band;
    }

    @Override
    public double upper() {
        return expected + band;
    }
}
