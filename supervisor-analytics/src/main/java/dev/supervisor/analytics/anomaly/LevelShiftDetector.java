package dev.supervisor.analytics.anomaly;

import dev.supervisor.analytics.anomaly.internal.Ring;
import dev.supervisor.analytics.anomaly.internal.Stats;

/**
 * The mean of the last few points against a longer history before them. Two ways to judge it:
 *
 * <ul>
 *   <li>iid (the original): against the mean and spread of the earlier values, with the standard error of a mean of
 *       independent points;</li>
 *   <li>empirical: against the distribution of earlier recent-window means themselves, so that autocorrelation and
 *       regular bursts (which make many windows' means stray) widen the normal band instead of raising alarms.</li>
 * </ul>
 */
final class LevelShiftDetector extends BandedDetector {
    private final Ring recent;
    // iid mode: earlier values; empirical mode: earlier recent-window means.
    private final Ring base;
    // Empirical mode only: recent-window means waiting one window so the history never overlaps the current one.
    private final Ring lag;

    /**
     * @param recent points in the recent mean
     * @param base points (iid) or recent means (empirical) describing normal behaviour
     * @param empirical whether to judge the recent mean against earlier recent means
     */
    LevelShiftDetector(int recent, int base, boolean empirical) {
        this.recent = new Ring(recent);
        this.base = new Ring(base);
        this.lag = empirical ? new Ring(recent) : null;
    }

    LevelShiftDetector(int recent, int base) {
        this(recent, base, false);
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
        return lag == null ? iid(v) : empirical(v);
    }

    private double iid(double v) {
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
        if (base.size() >= 30) {
            double sd = base.std();
            expected = base.mean();
            band = 3 * sd;
            score = sd == 0 ? (m == expected ? 0 : 1) : Stats.twoSided((m - expected) / sd);
        }
        lag.add(m);
        if (lag.full()) {
            base.add(lag.get(0));
        }
        return score;
    }
}
