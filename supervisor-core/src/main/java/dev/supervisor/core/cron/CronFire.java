package dev.supervisor.core.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * One computed fire of a {@link CronSchedule}, with how daylight saving shaped it and the time-zone database
 * version it was computed with (so a fire computed before a tzdb update can be told apart from one after).
 */
public interface CronFire {

    /** How daylight saving shaped a fire. */
    enum Adjustment {
        /** The wall-clock time existed once. */
        NONE,
        /** It fell in a gap and was moved later by the gap's length. */
        GAP_SHIFTED,
        /** It fell in a gap and fires at the first instant after it. */
        GAP_NEXT_VALID,
        /** It happens twice; this is the first pass. */
        OVERLAP_FIRST_PASS,
        /** It happens twice; this is the second pass. */
        OVERLAP_SECOND_PASS
    }

    /** @return when it fires */
    Instant instant();

    /** @return the same instant in the schedule's zone */
    ZonedDateTime zoned();

    /**
     * @return the wall-clock time the expression matched (differs from {@code zoned}'s local time when a gap
     *         shifted it)
     */
    LocalDateTime scheduledLocal();

    /** @return what daylight saving did to it */
    Adjustment adjustment();

    /**
     * @return the tz database version of the zone rules used, e.g. {@code 2025b}; {@code fixed} for fixed-offset
     *         zones
     */
    String tzdbVersion();
}
