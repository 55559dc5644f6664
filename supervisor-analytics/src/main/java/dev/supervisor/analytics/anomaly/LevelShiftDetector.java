package dev.supervisor.analytics.anomaly;

import dev.supervisor.analytics.anomaly.internal.Ring;
import dev.supervisor.analytics.anomaly.internal.Stats;

/**
 * The mean of the last few points against a longer history before them. Two ways to judge it:
 *
 * <ul>
 *   <li>iid: against the mean and spread of the earlier values, with the standard error of a mean of independent
 *       points;</li>
 *   <li>empirical: against the distribution of earlier recent-window means themselves, so that autocorrelation and
 *       regular bursts (which make many windows' means stray) widen the normal band instead of raising alarms.</li>
 * </ul>
 *
 * <p>In empirical mode the mean may be trimmed: the largest and the smallest of the recent points are left out, so
 * that one spike (the robust z-score's business) does not pass for a shift, while a shift of most of the window
 * still moves the mean at once.
 */
final class LevelShiftDetector extends BandedDetector {
    private final Ring recent;
    // iid mode: earlier values; empirical mode: earlier recent-window means.
    private final Ring base;
    // Empirical mode only: recent-window means waiting one window so the history never overlaps the current one.
    private final Ring lag;
    private final boolean trimmed;

    /**
     * @param recent points in the recent mean (at least 3 when trimmed)
     * @param base points (iid) or recent means (empirical) describing normal behaviour
     * @param empirical whether to judge the recent mean against earlier recent means
     * @param trimmed whether to leave the largest and the smallest recent point out of the mean (empirical mode)
     */
    LevelShiftDetector(int recent, int base, boolean empirical, boolean trimmed) {
        this.recent = new Ring(recent);
        this.base = new Ring(base);
        this.lag = empirical ? new Ring(recent) : null;
        this.trimmed = trimmed && empirical && recent >= 3;
    }

    LevelShiftDetector(int recent, int base, boolean empirical) {
        this(recent, base, empirical, false);
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
        double m = trimmed ? trimmedMean() : recent.mean();
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

    private double trimmedMean() {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < recent.size(); i++) {
            max = Math.max(max, recent.get(i));
            min = Math.min(min, recent.get(i));
        }
        return (recent.mean() * recent.size() - max - min) / (recent.size() - 2);
    }
}
