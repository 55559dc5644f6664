package dev.supervisor.core.cron;

import java.time.Instant;

/** A snapshot of one schedule. */
public interface ScheduleInfo {
    /** @return the schedule */
    String id();

    /** @return the next fire, or null when paused or completed */
    Instant nextFire();

    /** @return the latest instant reached, or null */
    Instant lastFire();

    /** @return true while paused */
    boolean paused();

    /** @return true once no fire remains */
    boolean completed();

    /** @return fires whose work has not ended */
    int running();

    /** @return fires waiting under BUFFER_ONE / BUFFER_ALL */
    int buffered();

    /** @return fires handed to the target by this scheduler */
    long fired();

    /** @return catch-ups in which the misfire policy dropped or merged missed instants */
    long misfires();

    /** @return fires dropped by the overlap policy */
    long skippedOverlap();

    /** @return fires whose target threw */
    long failed();
}
