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

    /**
     * @param detector the detector to feed
     * @param threshold score at or above which a point is flagged, in (0, 1]
     * @param gap quiet time that closes a window (positive)
     */
    public AnomalyTracker(AnomalyDetector detector, double threshold, Duration gap) {
        this.detector = Objects.requireNonNull(detector, "detector");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1] but was " + threshold);
        }
        if (gap == null || gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("gap must be positive but was " + gap);
        }
        this.threshold = threshold;
        this.gap = gap;
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
}
