package dev.supervisor.core.cron;

import java.time.Instant;

/** One fire handed to a {@link ScheduleTarget}. */
public interface ScheduledFire {

    /** Why a fire happened. */
    enum Kind {
        /** Within the misfire threshold of its time. */
        ON_TIME,
        /** Later than the misfire threshold, fired by the misfire policy. */
        MISFIRE,
        /** Through {@link CronScheduler#trigger(String)}. */
        MANUAL
    }

    /** @return the schedule */
    String scheduleId();

    /** @return the instant the schedule computed (for a manual trigger, the time of the call) */
    Instant scheduledAt();

    /** @return when it was handed over */
    Instant firedAt();

    /** @return on time, a catch-up of a misfire, or manual */
    Kind kind();

    /** @return the tz database version the fire time was computed with */
    String tzdbVersion();
}
