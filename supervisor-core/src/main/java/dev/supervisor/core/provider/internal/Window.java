package dev.supervisor.core.provider.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A counter over a sliding window kept as a ring of time buckets, or over a calendar day in a zone. The sliding
 * sum covers one bucket more than the window, so it never undercounts: whatever a check admits, any exact sliding
 * window of the nominal length holds at most the limit.
 */
final class Window {
    final long limit;
    private final long bucketMillis;
    private final long[] counts;
    private final ZoneId dayZone;
    private long lastId = Long.MIN_VALUE;
    /** [bucketStart, bucketEnd) of lastId: inside it, rolling needs no division. */
    private long bucketStart = Long.MAX_VALUE;
    private long bucketEnd = Long.MIN_VALUE;
    private long total;
    private long dayEnd = Long.MIN_VALUE;

    private Window(long limit, long bucketMillis, int buckets, ZoneId dayZone) {
        this.limit = limit;
        this.bucketMillis = bucketMillis;
        this.counts = new long[buckets];
        this.dayZone = dayZone;
    }

    /** @param limit the most per window @param windowMillis its length, a multiple of 60 buckets */
    static Window sliding(long limit, long windowMillis) {
        return new Window(limit, windowMillis / 60, 61, null);
    }

    /** @param limit the most per calendar day @param zone the zone whose midnight resets it */
    static Window daily(long limit, ZoneId zone) {
        return new Window(limit, 0, 1, zone);
    }

    /** Moves the window to {@code now}, forgetting what fell out. @return the id of the current bucket */
    long roll(long now) {
        if (dayZone != null) {
            if (now >= dayEnd) {
                total = 0;
                counts[0] = 0;
                LocalDate day = Instant.ofEpochMilli(now).atZone(dayZone).toLocalDate();
                dayEnd = day.plusDays(1).atStartOfDay(dayZone).toInstant().toEpochMilli();
            }
            return dayEnd;
        }
        if (now >= bucketStart && now < bucketEnd) {
            return lastId;
        }
        long id = Math.floorDiv(now, bucketMillis);
        if (id != lastId) {
            long oldest = id - counts.length + 1;
            long from = lastId == Long.MIN_VALUE ? oldest : Math.max(lastId + 1, oldest);
            for (long k = from; k <= id; k++) {
                int slot = (int) Math.floorMod(k, (long) counts.length);
                total -= counts[slot];
                counts[slot] = 0;
            }
            lastId = id;
            bucketStart = id * bucketMillis;
            bucketEnd = bucketStart + bucketMillis;
        }
        return id;
    }

    /** @return used in the window at {@code now} */
    long used(long now) {
        roll(now);
        return total;
    }

    /** @return true if {@code amount} more fits at {@code now} */
    boolean fits(long now, long amount) {
        return used(now) + amount <= limit;
    }

    /** Counts {@code amount} at {@code now}. @return the bucket id to settle against later */
    long add(long now, long amount) {
        long id = roll(now);
        counts[dayZone != null ? 0 : (int) Math.floorMod(id, (long) counts.length)] += amount;
        total += amount;
        return id;
    }

    /** Corrects what was counted in bucket {@code id} by {@code delta}, if that bucket is still in the window. */
    void adjust(long now, long id, long delta) {
        long current = roll(now);
        boolean live = dayZone != null ? id == current : id > current - counts.length;
        if (!live) {
            return;
        }
        int slot = dayZone != null ? 0 : (int) Math.floorMod(id, (long) counts.length);
        long d = Math.max(delta, -counts[slot]);
        counts[slot] += d;
        total += d;
    }

    /** @return the earliest time at which {@code amount} more fits (now if it fits; never, if it cannot) */
    long freeAt(long now, long amount) {
        long used = used(now);
        if (used + amount <= limit) {
            return now;
        }
        if (amount > limit) {
            return Long.MAX_VALUE;
        }
        if (dayZone != null) {
            return dayEnd;
        }
        long excess = used + amount - limit;
        for (long k = lastId - counts.length + 1; k <= lastId; k++) {
            excess -= counts[(int) Math.floorMod(k, (long) counts.length)];
            if (excess <= 0) {
                return (k + counts.length) * bucketMillis;
            }
        }
        return (lastId + counts.length) * bucketMillis;
    }
}
