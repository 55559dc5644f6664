package dev.supervisor.analytics.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Feeds a detector and turns its scores into {@link AnomalyWindow}s: points scoring at least the threshold open or
 * extend a window; the window closes once {@code gap} passes with no flagged point, so a spike (or a burst of
 * flagged points) is reported once. Not thread-safe; one tracker per series.
 */
public final class AnomalyTracker {
    private final AnomalyDetector detector;
    private final double threshold;
    private final Duration gap;
    private Open open;

    private static final class Open {
        Instant start;
        Instant end;
        int points;
        double peak = -1;
        double peakValue;
        double expected;
        double lower;
        double upper;
        final Set<String> fired = new LinkedHashSet<>();
    }

    private AnomalyTracker(AnomalyDetector detector, double threshold, Duration gap) {
        this.detector = detector;
        this.threshold = threshold;
        this.gap = gap;
    }

    /**
     * @param detector the detector to feed
     * @return a tracker at the detector's standard threshold, closing a window after an hour without a flagged point
     */
    public static AnomalyTracker of(AnomalyDetector detector) {
        return builder(detector).build();
    }

    /**
     * @param detector the detector to feed
     * @return a builder; by default the threshold is the detector's {@link AlarmProfile#STANDARD} one and the gap
     *         one hour
     */
    public static Builder builder(AnomalyDetector detector) {
        return new Builder(Objects.requireNonNull(detector, "detector"));
    }

    /** @return the score at or above which a point is flagged */
    public double threshold() {
        return threshold;
    }

    /**
     * @param time the point's time (non-decreasing)
     * @param value the point's value
     * @return windows closed by this point (at most one), in time order
     */
    public List<AnomalyWindow> update(Instant time, double value) {
        double score = detector.update(time.toEpochMilli(), value);
        List<AnomalyWindow> closed = new ArrayList<>(1);
        if (open != null && Duration.between(open.end, time).compareTo(gap) > 0) {
            closed.add(close());
        }
        if (score >= threshold) {
            if (open == null) {
                open = new Open();
                open.start = time;
            }
            open.end = time;
            open.points++;
            open.fired.add(firedName());
            if (score > open.peak) {
                open.peak = score;
                open.peakValue = value;
                open.expected = detector.expected();
                open.lower = detector.lower();
                open.upper = detector.upper();
            }
        }
        return closed;
    }

    /** @return the window still open, if any, without closing it */
    public Optional<AnomalyWindow> current() {
        return open == null ? Optional.empty() : Optional.of(snapshot(open));
    }

    /** @return the open window closed now (end of stream), if any */
    public Optional<AnomalyWindow> flush() {
        return open == null ? Optional.empty() : Optional.of(close());
    }

    private String firedName() {
        if (detector instanceof EnsembleDetector e && e.lastFired() >= 0) {
            return e.members().get(e.lastFired()).name();
        }
        return detector.name();
    }

    private AnomalyWindow close() {
        AnomalyWindow w = snapshot(open);
        open = null;
        return w;
    }

    private static AnomalyWindow snapshot(Open o) {
        return new AnomalyWindow(o.start, o.end, o.points, o.peak, AnomalyWindow.Severity.of(o.peak), o.peakValue,
                o.expected, o.lower, o.upper, List.copyOf(o.fired));
    }

    /** Builds an {@link AnomalyTracker}; each option may be set once, and a threshold excludes a profile. */
    public static final class Builder {
        private final AnomalyDetector detector;
        private AlarmProfile profile;
        private double threshold = Double.NaN;
        private Duration gap;

        private Builder(AnomalyDetector detector) {
            this.detector = detector;
        }

        /**
         * @param p the profile whose threshold the detector answers (default {@link AlarmProfile#STANDARD})
         * @return this
         */
        public Builder profile(AlarmProfile p) {
            if (profile != null) {
                throw new IllegalStateException("profile was already set to " + profile);
            }
            this.profile = Objects.requireNonNull(p, "profile");
            return this;
        }

        /** @param score the score at or above which a point is flagged, in (0, 1] @return this */
        public Builder threshold(double score) {
            if (!Double.isNaN(threshold)) {
                throw new IllegalStateException("threshold was already set to " + threshold);
            }
            if (!(score > 0 && score <= 1)) {
                throw new IllegalArgumentException("threshold must be in (0, 1] but was " + score);
            }
            this.threshold = score;
            return this;
        }

        /** @param quiet time without a flagged point that closes a window, positive (default 1 hour) @return this */
        public Builder gap(Duration quiet) {
            if (gap != null) {
                throw new IllegalStateException("gap was already set to " + gap);
            }
            if (quiet == null || quiet.isNegative() || quiet.isZero()) {
                throw new IllegalArgumentException("gap must be positive but was " + quiet);
            }
            this.gap = quiet;
            return this;
        }

        /** @return the tracker @throws IllegalStateException if both a threshold and a profile were set */
        public AnomalyTracker build() {
            if (profile != null && !Double.isNaN(threshold)) {
                throw new IllegalStateException("set a threshold or a profile, not both (threshold " + threshold
                        + ", profile " + profile + ")");
            }
            double t = !Double.isNaN(threshold) ? threshold
                    : detector.threshold(profile == null ? AlarmProfile.STANDARD : profile);
            if (!(t > 0 && t <= 1)) {
                throw new IllegalStateException(detector.name() + " answered threshold " + t + ", not in (0, 1]");
            }
            return new AnomalyTracker(detector, t, gap == null ? Duration.ofHours(1) : gap);
        }
    }
}
