package dev.supervisor.core.cron.internal;

import dev.supervisor.core.cron.CronFire;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/** The fires {@link ZoneSearch} computes. */
record ComputedFire(Instant instant, ZonedDateTime zoned, LocalDateTime scheduledLocal, Adjustment adjustment,
                    String tzdbVersion) implements CronFire {
    ComputedFire {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(zoned, "zoned");
        Objects.requireNonNull(scheduledLocal, "scheduledLocal");
        Objects.requireNonNull(adjustment, "adjustment");
        Objects.requireNonNull(tzdbVersion, "tzdbVersion");
    }
}
