package dev.supervisor.api.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * The persisted state of one cron schedule, as kept by a {@link ScheduleStore}. After a restart the scheduler
 * reads it back, so fires missed while down are handled by the schedule's misfire policy.
 *
 * @param scheduleId the schedule's id
 * @param fingerprint identifies the definition (expression, zone, policies, window) the state was computed for;
 *        a changed definition recomputes {@code nextFire}
 * @param nextFire the next fire instant, or null when the schedule is paused or completed
 * @param lastFire the latest fire instant the schedule has reached (fired or dropped by policy), or null
 * @param paused true while paused
 * @param completed true once no fire remains (end date passed or expression exhausted)
 * @param version incremented by one on every stored change (compare-and-set)
 */
public record ScheduleState(String scheduleId, String fingerprint, Instant nextFire, Instant lastFire,
                            boolean paused, boolean completed, long version) {

    /** Checks the required components. */
    public ScheduleState {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative but was " + version);
        }
    }

    /**
     * @param nextFire the new next fire
     * @param lastFire the new last fire
     * @param paused paused flag
     * @param completed completed flag
     * @return a copy with the next version
     */
    public ScheduleState next(Instant nextFire, Instant lastFire, boolean paused, boolean completed) {
        return new ScheduleState(scheduleId, fingerprint, nextFire, lastFire, paused, completed, version + 1);
    }
}
