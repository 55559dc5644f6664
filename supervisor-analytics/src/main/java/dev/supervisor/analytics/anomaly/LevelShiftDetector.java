package dev.supervisor.analytics.anomaly;

import dev.supervisor.analytics.anomaly.internal.Ring;
import dev.supervisor.analytics.anomaly.internal.Stats;

/** The mean of the last few points against the mean and spread of a longer window before them. */
final class LevelShiftDetector implements AnomalyDetector {
    private final Ring recent;
    private final Ring base;
    private Ring means;
    private Ring lag;

    /** Switches to scoring the recent mean against the distribution of earlier recent means. */
    LevelShiftDetector empirical() {
        means = new Ring(base.capacity());
        lag = new Ring(recent.capacity());
        return this;
    }
    private double expected = Double.NaN;
    private double band = Double.NaN;

    LevelShiftDetector(int recent, int base) {
        this.recent = new Ring(recent);
        this.base = new Ring(base);
    }

    @Override
    public String name() {
        return "levelshift";
    }

    @Override
    public double update(long t, double v) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        if (means != null) {
            return empirical(v);
        }
        if (recent.full()) {
            base.add(recent.get(0));
        }
        recent.add(v);
        if (base.size() < 30) {
            return 0;
        }
        double sd = base.std();
        expected = base.mean();
        band = 3 * sd;
        double se = sd / Math.sqrt(recent.size());
        return se == 0 ? (recent.mean() == expected ? 0 : 1) : Stats.twoSided((recent.mean() - expected) / se);
    }

    private double empirical(double v) {
        recent.add(v);
        if (!recent.full()) {
            return 0;
        }
        double m = recent.mean();
        double score = 0;
        // Against the distribution of earlier recent-window means (lagged by a window so they do not overlap the
        // current one): accounts for autocorrelation and bursts that an iid standard error ignores.
        if (means.size() >= 30) {
            double sd = means.std();
            expected = means.mean();
            band = 3 * sd;
            score = sd == 0 ? (m == expected ? 0 : 1) : Stats.twoSided((m - expected) / sd);
        }
        lag.add(m);
        if (lag.full()) {
            means.add(lag.get(0));
        }
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
