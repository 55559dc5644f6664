package dev.supervisor.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Property tests around every kind of transition: chained {@code next} agrees with a brute-force oracle that
 * steps minute by minute through wall-clock time and resolves each match with plain {@code java.time}; next is
 * strictly increasing; previous walks the same fires backwards. The default run samples zones and transitions;
 * the slow run covers every zone and every transition 2000–2037.
 */
class CronPropertyTest {
    private static final Instant FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2038-01-01T00:00:00Z");

    @Test
    void next_agreesWithMinuteOracle_onSampledZonesAndTransitions() {
        long seed = System.nanoTime();
        System.out.println("CronPropertyTest seed=" + seed);
        SplittableRandom r = new SplittableRandom(seed);
        List<String> zones = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
        List<String> picked = new ArrayList<>(List.of("Europe/Berlin", "America/Santiago", "Africa/Cairo",
                "Australia/Lord_Howe", "Pacific/Apia", "America/Sao_Paulo", "Asia/Tehran", "America/Havana"));
        for (int i = 0; i < 20; i++) {
            picked.add(zones.get(r.nextInt(zones.size())));
        }
        int checked = 0;
        for (String zone : picked) {
            List<ZoneOffsetTransition> trs = transitions(ZoneId.of(zone));
            for (int i = 0; i < Math.min(4, trs.size()); i++) {
                checked += check(ZoneId.of(zone), trs.get(r.nextInt(trs.size())), r, 4, seed);
            }
        }
        assertThat(checked).isGreaterThan(0);
    }

    @Test
    @Tag("slow")
    void next_agreesWithMinuteOracle_onEveryZoneAndTransition() {
        long seed = System.nanoTime();
        System.out.println("CronPropertyTest (exhaustive) seed=" + seed);
        SplittableRandom r = new SplittableRandom(seed);
        for (String zone : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            for (ZoneOffsetTransition tr : transitions(ZoneId.of(zone))) {
                check(ZoneId.of(zone), tr, r, 2, seed);
            }
        }
    }

    private static List<ZoneOffsetTransition> transitions(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> out = new ArrayList<>();
        ZoneOffsetTransition t = rules.nextTransition(FROM);
        while (t != null && t.getInstant().isBefore(TO)) {
            out.add(t);
            t = rules.nextTransition(t.getInstant());
        }
        return out;
    }

    private static int check(ZoneId zone, ZoneOffsetTransition tr, SplittableRandom r, int expressions, long seed) {
        for (int e = 0; e < expressions; e++) {
            RandomCron cron = RandomCron.next(r);
            for (DstGapPolicy gap : DstGapPolicy.values()) {
                for (DstOverlapPolicy overlap : DstOverlapPolicy.values()) {
                    CronSchedule s = CronSchedule.builder(CronExpression.quartz(cron.text), zone)
                            .gapPolicy(gap).overlapPolicy(overlap).build();
                    compare(s, cron, tr, seed);
                }
            }
        }
        return expressions;
    }

    private static void compare(CronSchedule s, RandomCron cron, ZoneOffsetTransition tr, long seed) {
        // Wall-clock window wide enough on both sides even for a skipped day (Pacific/Apia, 2011).
        LocalDateTime a = tr.getDateTimeBefore();
        LocalDateTime b = tr.getDateTimeAfter();
        NavigableSet<Instant> oracle = oracle(cron, s, (a.isBefore(b) ? a : b).minusHours(30),
                (a.isBefore(b) ? b : a).plusHours(30));
        Instant lo = tr.getInstant().minus(24, ChronoUnit.HOURS);
        Instant hi = tr.getInstant().plus(24, ChronoUnit.HOURS);
        String ctx = s + " around " + tr + " seed=" + seed;
        List<Instant> expected = new ArrayList<>(oracle.subSet(lo, false, hi, false));
        List<Instant> actual = new ArrayList<>();
        Instant t = lo;
        while (true) {
            Instant n = s.next(t).orElse(null);
            if (n == null || !n.isBefore(hi)) {
                break;
            }
            assertThat(n).as("next(t) > t: %s", ctx).isAfter(t);
            actual.add(n);
            t = n;
        }
        assertThat(actual).as(ctx).isEqualTo(expected);
        List<Instant> backwards = new ArrayList<>();
        t = hi;
        while (true) {
            Instant p = s.previous(t).orElse(null);
            if (p == null || !p.isAfter(lo)) {
                break;
            }
            assertThat(p).as("previous(t) < t: %s", ctx).isBefore(t);
            backwards.add(0, p);
            t = p;
        }
        assertThat(backwards).as("previous: " + ctx).isEqualTo(expected);
        if (s.overlapPolicy() == DstOverlapPolicy.FIRST_OCCURRENCE && tr.isOverlap()) {
            long inSecondPass = expected.stream().filter(i -> !i.isBefore(tr.getInstant())
                    && i.isBefore(tr.getInstant().plus(tr.getDuration().abs()))).count();
            assertThat(inSecondPass).as("no second-pass fires under FIRST_OCCURRENCE: " + ctx).isZero();
        }
    }

    /** Every matching wall-clock minute in [from, to], resolved with plain java.time per the policies. */
    private static NavigableSet<Instant> oracle(RandomCron cron, CronSchedule s, LocalDateTime from,
                                                LocalDateTime to) {
        ZoneRules rules = s.zone().getRules();
        NavigableSet<Instant> out = new TreeSet<>();
        for (LocalDateTime m = from.truncatedTo(ChronoUnit.MINUTES); !m.isAfter(to); m = m.plusMinutes(1)) {
            if (!cron.matches(m)) {
                continue;
            }
            List<ZoneOffset> offsets = rules.getValidOffsets(m);
            if (offsets.size() == 1) {
                out.add(m.toInstant(offsets.get(0)));
            } else if (offsets.isEmpty()) {
                switch (s.gapPolicy()) {
                    case SHIFT_FORWARD -> out.add(ZonedDateTime.ofLocal(m, s.zone(), null).toInstant());
                    case NEXT_VALID_INSTANT -> out.add(rules.getTransition(m).getInstant());
                    default -> { }
                }
            } else {
                Instant early = m.toInstant(offsets.get(0)).isBefore(m.toInstant(offsets.get(1)))
                        ? m.toInstant(offsets.get(0)) : m.toInstant(offsets.get(1));
                Instant late = m.toInstant(offsets.get(0)).isBefore(m.toInstant(offsets.get(1)))
                        ? m.toInstant(offsets.get(1)) : m.toInstant(offsets.get(0));
                if (s.overlapPolicy() != DstOverlapPolicy.LAST_OCCURRENCE) {
                    out.add(early);
                }
                if (s.overlapPolicy() != DstOverlapPolicy.FIRST_OCCURRENCE) {
                    out.add(late);
                }
            }
        }
        return out;
    }
}
