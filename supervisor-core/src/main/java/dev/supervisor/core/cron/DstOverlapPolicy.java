package dev.supervisor.core.cron;

/**
 * What a schedule does with a wall-clock fire time that happens twice because clocks fall back (for example
 * 02:30 on the last Sunday of October in Europe/Berlin, first at +02:00 and again at +01:00).
 */
public enum DstOverlapPolicy {
    /** Fire once, in the first pass (the earlier instant). Default for schedules with a fixed hour. */
    FIRST_OCCURRENCE,
    /** Fire once, in the second pass (the later instant). */
    LAST_OCCURRENCE,
    /**
     * Fire in both passes. Default when the hour field is {@code *} or a step, so that schedules measuring
     * elapsed time (every 15 minutes, every 2 hours) keep their rhythm through the repeated hour.
     */
    BOTH
}
