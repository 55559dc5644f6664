package dev.supervisor.analytics.anomaly;

import dev.supervisor.analytics.anomaly.internal.RecentRange;
import dev.supervisor.analytics.anomaly.internal.Ring;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The ensemble detector ({@link AnomalyDetectors#defaultEnsemble()}, or {@link AnomalyDetectors#ensemble} with an
 * {@link EnsembleConfig}). Each member's score is turned into an anomaly likelihood the way Numenta's HTM detector
 * does it (the mean of the member's last few surprises against the distribution of its surprises over a long
 * window), the ensemble reports the largest likelihood, and after an alarm it damps itself for a refractory period
 * so that one incident raises one alarm. All state is bounded.
 *
 * <p>Score: each member's score s becomes a surprise −ln(1 − s); the likelihood is the z-value of the recent mean
 * surprise against the long-window mean and spread; the reported score is {@code 1 − exp(−z / 5)} for z > 0
 * (0.65 ≈ z 5.2, 0.9 ≈ z 11.5). It is an alarm score, monotone in the evidence, not a probability: compare it with
 * {@link #threshold(AlarmProfile)}; what a threshold means in false alarms per 10,000 points is measured in the
 * analytics guide.
 *
 * <p>Two rules on top (both causal):
 *
 * <ul>
 *   <li>Range check (as in Numenta's NAB detector): a value beyond the range of the values of the last
 *       {@link EnsembleConfig#rangeHorizon()} points by more than a fraction of that range scores 1, also during a
 *       refractory period. The horizon lets a long-running series forget an old extreme.</li>
 *   <li>Daily recurrence: an alarm-level score at a time of day (±1 hour) where alarm-level scores already happened
 *       on at least two earlier days of the last week is damped — a nightly batch job is a pattern, not an
 *       incident.</li>
 * </ul>
 */
public final class EnsembleDetector implements AnomalyDetector {
    private static final double SCALE = 5;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final int SPATIAL_WARMUP = 300;
    private static final int RECUR_SLOTS = 24;
    private static final int RECUR_KEPT = 4;
    private static final int RECUR_DAYS = 7;
    private static final int RECUR_MIN_DAYS = 2;
    private final EnsembleConfig config;
    private final List<AnomalyDetector> members;
    private final Ring[] shortTerm;
    private final double[] longMean;
    private final double[] longVar;
    private final double longAlpha;
    private long warm;
    private int quiet;
    private int fired = -1;
    private final RecentRange range;
    // Per hour of day, the times of the last few alarm-level scores (Long.MIN_VALUE: none).
    private final long[][] recur;

    EnsembleDetector(EnsembleConfig config) {
        this.config = config;
        this.members = List.copyOf(config.members().get());
        if (members.isEmpty()) {
            throw new IllegalArgumentException("members must hold at least one detector but was empty");
        }
        this.shortTerm = new Ring[members.size()];
        this.longMean = new double[members.size()];
        this.longVar = new double[members.size()];
        // Exponentially weighted long-run statistics: O(1) state per member instead of a long ring.
        this.longAlpha = 2.0 / (config.longWindow() + 1);
        for (int i = 0; i < members.size(); i++) {
            shortTerm[i] = new Ring(config.shortWindow());
        }
        this.range = new RecentRange(config.rangeHorizon());
        this.recur = new long[config.recurrenceLevel() > 0 ? RECUR_SLOTS : 0][RECUR_KEPT];
        for (long[] r : recur) {
            Arrays.fill(r, Long.MIN_VALUE);
        }
    }

    /** @return the configuration this detector was built from */
    public EnsembleConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "ensemble";
    }

    /**
     * @return the index of the member with the highest likelihood at the last update, or -1 (no member above its
     *         normal level, or the spatial check decided the score)
     */
    public int lastFired() {
        return fired;
    }

    /** @return the member detectors */
    public List<AnomalyDetector> members() {
        return members;
    }

    @Override
    public double update(long t, double v) {
        double best = 0;
        fired = -1;
        for (int i = 0; i < members.size(); i++) {
            double p = 1 - members.get(i).update(t, v);
            // Surprise −ln(1 − score) keeps ranking information where scores round to 1.
            double raw = -Math.log(Math.max(p, 1e-16));
            Ring s = shortTerm[i];
            s.add(raw);
            double z = 0;
            if (warm >= 100) {
                double sd = Math.max(Math.sqrt(longVar[i]), 1e-3);
                z = (s.mean() - longMean[i]) / sd;
            }
            // Warm-up uses the running mean (alpha 1/n) until the window's alpha is smaller.
            double a = Math.max(longAlpha, 1.0 / (warm + 1));
            double d = raw - longMean[i];
            longMean[i] += a * d;
            longVar[i] = (1 - a) * (longVar[i] + a * d * d);
            if (z > best) {
                best = z;
                fired = i;
            }
        }
        warm++;
        double score = best <= 0 ? 0 : 1 - Math.exp(-best / SCALE);
        if (config.recurrenceLevel() > 0 && score >= config.recurrenceLevel() && recurs(t)) {
            score *= config.damping();
        }
        boolean outside = outsideRecentRange(v);
        double out = score;
        if (quiet > 0) {
            quiet--;
            out = score * config.damping();
        } else if (score >= config.alarmLevel()) {
            quiet = config.refractory();
        }
        if (outside) {
            // A new extreme is reported even right after another alarm: a second, bigger excursion is news.
            out = 1;
            fired = -1;
        }
        return out;
    }

    private boolean outsideRecentRange(double v) {
        if (!Double.isFinite(v)) {
            return false;
        }
        boolean outside = false;
        double min = range.min();
        double max = range.max();
        if (config.rangeTolerance() > 0 && range.seen() >= SPATIAL_WARMUP && max > min) {
            double tol = config.rangeTolerance() * (max - min);
            outside = v > max + tol || v < min - tol;
        }
        range.add(v);
        return outside;
    }

    /** Records an alarm-level score at time t; @return whether such scores came near this hour on 2+ earlier days */
    private boolean recurs(long t) {
        int slot = (int) Math.floorMod(Math.floorDiv(t, HOUR), (long) RECUR_SLOTS);
        long days = 0;
        for (int k = -1; k <= 1; k++) {
            for (long past : recur[Math.floorMod(slot + k, RECUR_SLOTS)]) {
                long ago = past == Long.MIN_VALUE ? -1 : t - past;
                // 20 h at least, so that the same incident a few hours earlier does not count as another day.
                if (ago >= 20 * HOUR && ago <= RECUR_DAYS * DAY) {
                    days |= 1L << ((ago + 4 * HOUR) / DAY);
                }
            }
        }
        long[] r = recur[slot];
        int oldest = 0;
        for (int k = 1; k < r.length; k++) {
            if (r[k] < r[oldest]) {
                oldest = k;
            }
        }
        r[oldest] = t;
        return Long.bitCount(days) >= RECUR_MIN_DAYS;
    }

    /**
     * The alarm level ({@link EnsembleConfig#alarmLevel()}, 0.65 by default) for every profile: on NAB's development
     * split, the threshold swept on each held-out category was the alarm level (to within 0.002) in all three
     * profiles, since the refractory period starts there and scores cluster just above it (see BENCHMARKS.md).
     * A stricter threshold for fewer false alarms is better had with a higher alarm level.
     */
    @Override
    public double threshold(AlarmProfile profile) {
        Objects.requireNonNull(profile, "profile");
        return config.alarmLevel();
    }

    @Override
    public double expected() {
        return members.get(0).expected();
    }

    @Override
    public double lower() {
        return members.get(0).lower();
    }

    @Override
    public double upper() {
        return members.get(0).upper();
    }
}
