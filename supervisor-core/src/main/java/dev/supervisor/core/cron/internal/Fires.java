package dev.supervisor.core.cron.internal;

import dev.supervisor.core.cron.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fire-time helpers that respect a schedule's start and end. */
final class Fires {
    private Fires() {
    }

    /** @return the first fire strictly after {@code now} and not before the start, or null past the end */
    static Instant firstAfter(ScheduleSpec spec, Instant now) {
        Instant from = spec.startAt() != null && spec.startAt().isAfter(now) ? spec.startAt().minusNanos(1) : now;
        return within(spec, spec.schedule().next(from).orElse(null));
    }

    static Instant within(ScheduleSpec spec, Instant fire) {
        return fire == null || spec.endAt() != null && fire.isAfter(spec.endAt()) ? null : fire;
    }

    static List<Instant> preview(ScheduleSpec spec, Instant now, int count) {
        if (count < 0 || count > 10_000) {
            throw new IllegalArgumentException("preview count must be between 0 and 10000 but was " + count);
        }
        List<Instant> out = new ArrayList<>(count);
        Instant t = firstAfter(spec, now);
        while (t != null && out.size() < count) {
            out.add(t);
            t = within(spec, spec.schedule().next(t).orElse(null));
        }
        return out;
    }

    /** Deterministic per schedule and instant, so every node and every restart agrees on the delay. */
    static Duration jitter(ScheduleSpec spec, Instant fire) {
        long max = spec.jitter().toMillis();
        if (max == 0) {
            return Duration.ZERO;
        }
        long h = spec.id().hashCode() * 0x9E3779B97F4A7C15L + fire.getEpochSecond() * 31 + fire.getNano();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return Duration.ofMillis(Math.floorMod(h, max + 1));
    }
}
