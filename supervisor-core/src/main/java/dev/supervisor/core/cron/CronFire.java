package dev.supervisor.core.cron;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One computed fire of a {@link CronSchedule}, with how daylight saving shaped it and the time-zone database
 * version it was computed with (so a fire computed before a tzdb update can be told apart from one after).
 *
 * @param instant when it fires
 * @param zoned the same instant in the schedule's zone
 * @param scheduledLocal the wall-clock time the expression matched (differs from {@code zoned}'s local time when
 *        a gap shifted it)
 * @param adjustment what daylight saving did to it
 * @param tzdbVersion the tz database version of the zone rules used, e.g. {@code 2025b}; {@code fixed} for
 *        fixed-offset zones
 */
public record CronFire(Instant instant, ZonedDateTime zoned, LocalDateTime scheduledLocal, Adjustment adjustment,
                       String tzdbVersion) {

    /** How daylight saving shaped a fire. */
    public enum Adjustment {
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

    /** Checks that no component is null. */
    public CronFire {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(zoned, "zoned");
        Objects.requireNonNull(scheduledLocal, "scheduledLocal");
        Objects.requireNonNull(adjustment, "adjustment");
        Objects.requireNonNull(tzdbVersion, "tzdbVersion");
    }
}
