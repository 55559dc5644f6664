package dev.supervisor.core.cron;

/**
 * What a schedule does with a wall-clock fire time that does not exist because clocks jump forward (for
 * example 02:30 on a spring-forward night in Europe/Berlin).
 */
public enum DstGapPolicy {
    /**
     * Default. Fire at the instant the wall clock would have shown had it not jumped: the local time moved later
     * by the length of the gap (02:30 becomes 03:30 after a one-hour jump), as {@link java.time.ZonedDateTime#of}
     * resolves it. Elapsed time between fires is kept.
     */
    SHIFT_FORWARD,
    /** Fire at the first valid instant after the gap (03:00 after a 02:00→03:00 jump). */
    NEXT_VALID_INSTANT,
    /** Do not fire for that time on that day (Quartz's and Spring's behaviour). */
    SKIP
}
