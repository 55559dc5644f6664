package dev.supervisor.core.cron;

import java.time.Duration;
import java.util.Objects;

/**
 * What a schedule does with fires it missed by more than its misfire threshold (the JVM was down, the schedule's
 * store was unreachable, the timer thread was starved). Fires late by less than the threshold are not misfires
 * and always fire. Created through the static factories.
 */
public final class MisfirePolicy {
    /** The kinds of misfire handling. */
    public enum Kind {
        /** Fire once now for everything missed, then continue on schedule (default). */
        FIRE_ONCE_NOW,
        /** Drop what was missed; wait for the next fire. */
        SKIP_TO_NEXT,
        /** Fire every missed instant, oldest first, but at most {@link #maxBurst()} (the most recent ones). */
        FIRE_ALL_MISSED,
        /** Fire each missed instant no older than {@link #window()}; drop older ones. */
        FIRE_WITHIN
    }

    private static final MisfirePolicy ONCE = new MisfirePolicy(Kind.FIRE_ONCE_NOW, 1, Duration.ZERO);
    private static final MisfirePolicy SKIP = new MisfirePolicy(Kind.SKIP_TO_NEXT, 0, Duration.ZERO);
    /** Upper bound on fires produced by one catch-up, whatever the policy says. */
    public static final int MAX_BURST = 10_000;

    private final Kind kind;
    private final int maxBurst;
    private final Duration window;

    private MisfirePolicy(Kind kind, int maxBurst, Duration window) {
        this.kind = kind;
        this.maxBurst = maxBurst;
        this.window = window;
    }

    /** @return fire once now, then continue (default) */
    public static MisfirePolicy fireOnceNow() {
        return ONCE;
    }

    /** @return drop missed fires */
    public static MisfirePolicy skipToNext() {
        return SKIP;
    }

    /**
     * @param maxBurst how many of the most recent missed fires to run, 1–{@value #MAX_BURST}
     * @return fire missed instants in order, up to {@code maxBurst}
     */
    public static MisfirePolicy fireAllMissed(int maxBurst) {
        if (maxBurst < 1 || maxBurst > MAX_BURST) {
            throw new IllegalArgumentException("maxBurst must be between 1 and " + MAX_BURST + " but was " + maxBurst);
        }
        return new MisfirePolicy(Kind.FIRE_ALL_MISSED, maxBurst, Duration.ZERO);
    }

    /**
     * @param window how old a missed fire may be and still run; positive
     * @return fire missed instants within the window (at most {@value #MAX_BURST})
     */
    public static MisfirePolicy fireWithin(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("misfire window must be positive but was " + window);
        }
        return new MisfirePolicy(Kind.FIRE_WITHIN, MAX_BURST, window);
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the burst cap (FIRE_ALL_MISSED) */
    public int maxBurst() {
        return maxBurst;
    }

    /** @return the catch-up window (FIRE_WITHIN), zero otherwise */
    public Duration window() {
        return window;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MisfirePolicy p && p.kind == kind && p.maxBurst == maxBurst && p.window.equals(window);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, maxBurst, window);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FIRE_ALL_MISSED -> kind + "(" + maxBurst + ")";
            case FIRE_WITHIN -> kind + "(" + window + ")";
            default -> kind.toString();
        };
    }
}
