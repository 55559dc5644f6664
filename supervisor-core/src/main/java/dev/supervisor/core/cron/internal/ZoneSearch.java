package dev.supervisor.core.cron.internal;

import dev.supervisor.core.cron.CronFire;
import dev.supervisor.core.cron.DstGapPolicy;
import dev.supervisor.core.cron.DstOverlapPolicy;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesException;
import java.time.zone.ZoneRulesProvider;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps matching wall-clock times to fire instants under the DST policies.
 *
 * <p>Local order and instant order agree except near a transition: times in a gap shifted forward land on the
 * same instants as the hour after the gap, and the second pass of an overlap comes after the first pass of the
 * same wall-clock times. So the search widens its start (or end) to cover those times when the argument lies
 * next to a transition, and stops only at a wall-clock time that exists exactly once. Between transitions the
 * offset is constant; the last such segment is cached so chained calls need no zone-rule lookups.
 */
public final class ZoneSearch {
    /** No fire lies outside [1970-01-01, 2200-01-01) local, whatever the offset (at most 18 hours). */
    private static final long EARLIEST_SEC = LocalDateTime.of(CronFields.MIN_YEAR, 1, 1, 0, 0)
            .toEpochSecond(ZoneOffset.UTC) - 86_400;
    private static final long LATEST_SEC = LocalDateTime.of(CronFields.MAX_YEAR + 1, 1, 1, 0, 0)
            .toEpochSecond(ZoneOffset.UTC) + 86_400;
    private static final Instant EARLIEST = Instant.ofEpochSecond(EARLIEST_SEC);
    private static final Instant LATEST = Instant.ofEpochSecond(LATEST_SEC);
    private static final ConcurrentHashMap<ZoneOffset, ZoneRules> FIXED = new ConcurrentHashMap<>();
    private final CronFields fields;
    private final ZoneRules rules;
    private final DstGapPolicy gap;
    private final DstOverlapPolicy overlap;
    private final String tzdbVersion;
    private volatile Segment segment;

    /** A stretch of time with one offset and the transitions that bound it. */
    private record Segment(long fromSec, long toSec, ZoneOffset offset, ZoneOffsetTransition prev,
                           ZoneOffsetTransition next, long localFrom, long localTo) {
    }

    /** Filled by {@link #next} when the caller wants to know how a fire came about. */
    public static final class Detail {
        LocalDateTime local;
        CronFire.Adjustment adjustment;

        /**
         * @param instant the fire
         * @param zone the schedule zone
         * @param tzdb the tzdb version
         * @return the fire description
         */
        public CronFire toFire(Instant instant, ZoneId zone, String tzdb) {
            return new ComputedFire(instant, ZonedDateTime.ofInstant(instant, zone), local, adjustment, tzdb);
        }
    }

    /**
     * @param fields the compiled expression
     * @param zone the zone
     * @param gap gap policy
     * @param overlap overlap policy
     */
    public ZoneSearch(CronFields fields, ZoneId zone, DstGapPolicy gap, DstOverlapPolicy overlap) {
        this.fields = fields;
        // ZoneOffset.getRules() builds new rules (with a cache map) on every call; region rules are shared already.
        this.rules = zone instanceof ZoneOffset ? FIXED.computeIfAbsent((ZoneOffset) zone, ZoneOffset::getRules)
                : zone.getRules();
        this.gap = gap;
        this.overlap = overlap;
        this.tzdbVersion = version(zone);
    }

    /** @return the tz database version of the zone's rules */
    public String tzdbVersion() {
        return tzdbVersion;
    }

    /**
     * @param after exclusive lower bound, any instant
     * @param detail filled with the matched local time and adjustment when not null
     * @return the smallest fire instant after {@code after}, or null
     */
    public Instant next(Instant after, Detail detail) {
        if (after.getEpochSecond() >= LATEST_SEC) {
            return null;
        }
        if (after.getEpochSecond() < EARLIEST_SEC) {
            after = EARLIEST;
        }
        Segment s = segment(after);
        LocalDateTime local = LocalDateTime.ofEpochSecond(after.getEpochSecond(), after.getNano(), s.offset);
        LocalDateTime m = local;
        if (gap == DstGapPolicy.SHIFT_FORWARD && s.prev != null && s.prev.isGap()
                && after.getEpochSecond() < s.prev.toEpochSecond() + s.prev.getDuration().getSeconds()) {
            m = earlier(m, s.prev.getDateTimeBefore().minusNanos(1));
        }
        if (s.next != null && s.next.isOverlap() && !local.isBefore(s.next.getDateTimeAfter())) {
            m = earlier(m, s.next.getDateTimeAfter().minusNanos(1));
        }
        int yearCap = local.getYear() + 400;
        Instant best = null;
        while (true) {
            m = fields.nextAfter(m);
            if (m == null || m.getYear() > yearCap) {
                return best;
            }
            long localSec = m.toEpochSecond(ZoneOffset.UTC);
            if (localSec >= s.localFrom && localSec < s.localTo) {
                Instant i = m.toInstant(s.offset);
                if (i.isAfter(after)) {
                    return better(best, i, after, detail, m, CronFire.Adjustment.NONE);
                }
                continue;
            }
            ZoneOffsetTransition tr = rules.getTransition(m);
            if (tr == null) {
                Instant i = m.toInstant(rules.getOffset(m));
                if (i.isAfter(after)) {
                    return better(best, i, after, detail, m, CronFire.Adjustment.NONE);
                }
                continue;
            }
            if (tr.isGap()) {
                if (gap == DstGapPolicy.SKIP) {
                    continue;
                }
                boolean shift = gap == DstGapPolicy.SHIFT_FORWARD;
                Instant i = shift ? m.toInstant(tr.getOffsetBefore()) : tr.getInstant();
                best = better(best, i, after, detail, m,
                        shift ? CronFire.Adjustment.GAP_SHIFTED : CronFire.Adjustment.GAP_NEXT_VALID);
            } else {
                Instant early = m.toInstant(tr.getOffsetBefore());
                Instant late = m.toInstant(tr.getOffsetAfter());
                if (overlap != DstOverlapPolicy.LAST_OCCURRENCE && early.isAfter(after)) {
                    best = better(best, early, after, detail, m, CronFire.Adjustment.OVERLAP_FIRST_PASS);
                } else if (overlap != DstOverlapPolicy.FIRST_OCCURRENCE) {
                    best = better(best, late, after, detail, m, CronFire.Adjustment.OVERLAP_SECOND_PASS);
                }
            }
        }
    }

    private static Instant better(Instant best, Instant candidate, Instant after, Detail detail, LocalDateTime m,
                                  CronFire.Adjustment adjustment) {
        if (!candidate.isAfter(after) || best != null && !candidate.isBefore(best)) {
            return best;
        }
        if (detail != null) {
            detail.local = m;
            detail.adjustment = adjustment;
        }
        return candidate;
    }

    /**
     * @param before exclusive upper bound, any instant
     * @return the largest fire instant before {@code before}, or null
     */
    public Instant previous(Instant before) {
        if (before.getEpochSecond() < EARLIEST_SEC) {
            return null;
        }
        if (before.getEpochSecond() > LATEST_SEC) {
            before = LATEST;
        }
        Segment s = segment(before);
        LocalDateTime local = LocalDateTime.ofEpochSecond(before.getEpochSecond(), before.getNano(), s.offset);
        LocalDateTime m = local;
        if (s.prev != null && s.prev.isOverlap() && local.isBefore(s.prev.getDateTimeBefore())) {
            m = s.prev.getDateTimeBefore();
        }
        int yearFloor = local.getYear() - 400;
        Instant best = null;
        LocalDateTime stopBelow = null;
        while (true) {
            m = fields.previousBefore(m);
            if (m == null || m.getYear() < yearFloor || stopBelow != null && m.isBefore(stopBelow)) {
                return best;
            }
            ZoneOffsetTransition tr = rules.getTransition(m);
            if (tr == null) {
                Instant i = m.toInstant(rules.getOffset(m));
                if (!i.isBefore(before)) {
                    continue;
                }
                best = later(best, i);
                if (stopBelow == null) {
                    ZoneOffsetTransition shadow = gap == DstGapPolicy.SHIFT_FORWARD
                            ? rules.previousTransition(Instant.ofEpochSecond(i.getEpochSecond() + 1)) : null;
                    if (shadow == null || !shadow.isGap()
                            || i.getEpochSecond() >= shadow.toEpochSecond() + shadow.getDuration().getSeconds()) {
                        return best;
                    }
                    // Shifted gap times land on the same instants as this hour; look through them too.
                    stopBelow = shadow.getDateTimeBefore();
                }
                continue;
            }
            if (tr.isGap()) {
                if (gap != DstGapPolicy.SKIP) {
                    Instant i = gap == DstGapPolicy.SHIFT_FORWARD ? m.toInstant(tr.getOffsetBefore()) : tr.getInstant();
                    if (i.isBefore(before)) {
                        best = later(best, i);
                    }
                }
            } else {
                Instant early = m.toInstant(tr.getOffsetBefore());
                Instant late = m.toInstant(tr.getOffsetAfter());
                if (overlap != DstOverlapPolicy.FIRST_OCCURRENCE && late.isBefore(before)) {
                    best = later(best, late);
                } else if (overlap != DstOverlapPolicy.LAST_OCCURRENCE && early.isBefore(before)) {
                    best = later(best, early);
                }
            }
        }
    }

    private static Instant later(Instant best, Instant candidate) {
        return best == null || candidate.isAfter(best) ? candidate : best;
    }

    private Segment segment(Instant t) {
        Segment s = segment;
        long sec = t.getEpochSecond();
        if (s != null && sec >= s.fromSec && sec < s.toSec) {
            return s;
        }
        ZoneOffset offset = rules.getOffset(t);
        ZoneOffsetTransition prev = rules.previousTransition(Instant.ofEpochSecond(sec + 1));
        ZoneOffsetTransition next = rules.nextTransition(t);
        long from = prev == null ? Long.MIN_VALUE : prev.toEpochSecond();
        long to = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        long localFrom = prev == null ? Long.MIN_VALUE : Math.max(local(prev.getDateTimeBefore()),
                local(prev.getDateTimeAfter()));
        long localTo = next == null ? Long.MAX_VALUE : Math.min(local(next.getDateTimeBefore()),
                local(next.getDateTimeAfter()));
        s = new Segment(from, to, offset, prev, next, localFrom, localTo);
        segment = s;
        return s;
    }

    private static long local(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static String version(ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            return "fixed";
        }
        try {
            return ZoneRulesProvider.getVersions(zone.getId()).lastKey();
        } catch (ZoneRulesException | java.util.NoSuchElementException e) {
            return "fixed";
        }
    }
}
