package dev.supervisor.core.cron;

import java.time.Instant;
import java.util.Objects;

/**
 * One fire handed to a {@link ScheduleTarget}.
 *
 * @param scheduleId the schedule
 * @param scheduledAt the instant the schedule computed (for a manual trigger, the time of the call)
 * @param firedAt when it was handed over
 * @param kind on time, a catch-up of a misfire, or manual
 * @param tzdbVersion the tz database version the fire time was computed with
 */
public record ScheduledFire(String scheduleId, Instant scheduledAt, Instant firedAt, Kind kind, String tzdbVersion) {

    /** Why a fire happened. */
    public enum Kind {
        /** Within the misfire threshold of its time. */
        ON_TIME,
        /** Later than the misfire threshold, fired by the misfire policy. */
        MISFIRE,
        /** Through {@link CronScheduler#trigger(String)}. */
        MANUAL
    }

    /** Checks that no component is null. */
    public ScheduledFire {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
        Objects.requireNonNull(firedAt, "firedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tzdbVersion, "tzdbVersion");
    }
}
