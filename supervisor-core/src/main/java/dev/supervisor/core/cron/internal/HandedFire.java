package dev.supervisor.core.cron.internal;

import dev.supervisor.core.cron.ScheduledFire;
import java.time.Instant;
import java.util.Objects;

/** The fires a {@link ScheduleEntry} hands to its target. */
record HandedFire(String scheduleId, Instant scheduledAt, Instant firedAt, Kind kind, String tzdbVersion)
        implements ScheduledFire {
    HandedFire {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
        Objects.requireNonNull(firedAt, "firedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tzdbVersion, "tzdbVersion");
    }
}
