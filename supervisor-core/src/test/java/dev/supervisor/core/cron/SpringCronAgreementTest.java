package dev.supervisor.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Differential check of the SPRING dialect against Spring's own {@code CronExpression}: seeded random six-field
 * expressions over the whole shared syntax (names and numbers, lists, ranges, every step form, {@code ?}, and the
 * day specials {@code L L-n LW nW dL d#n}), compared on wall-clock time (Spring has no DST policies), ten chained
 * fires each. Both must accept and agree, or both must refuse.
 *
 * <p>Left out on purpose, because the SPRING dialect refuses what Spring accepts there: steps longer than the
 * field ({@code 0/90}), and lists mixing a day special with other items ({@code 1,L}). And {@code nW} for a day
 * that can be a month's last: there the dialect keeps Quartz's rule (see the test pinning the difference).
 */
class SpringCronAgreementTest {
    private static final String[] DAY_NAMES = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};
    static final String[] MONTH_NAMES =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    @Test
    void next_matchesSpring_onRandomExpressions() {
        long seed = System.nanoTime();
        System.out.println("SpringCronAgreementTest seed=" + seed);
        SplittableRandom r = new SplittableRandom(seed);
        int bothAccepted = 0;
        for (int i = 0; i < 3000; i++) {
            String expr = randomExpression(r);
            LocalDateTime from = LocalDateTime.of(2000 + r.nextInt(150), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60));
            bothAccepted += agree(expr, from, seed) ? 1 : 0;
        }
        assertThat(bothAccepted).as("seed=%s", seed).isGreaterThan(1500);
    }

    @Test
    void dayOfWeekStep_countsFromMondayLikeSpring() {
        // 2025-09-01 is a Monday.
        assertThat(fires("0 0 0 * * */2", "2025-08-31T12:00", 5))
                .containsExactly("2025-09-01T00:00", "2025-09-03T00:00", "2025-09-05T00:00", "2025-09-07T00:00",
                        "2025-09-08T00:00");
        assertThat(agree("0 0 0 * * */2", LocalDateTime.parse("2025-08-31T12:00"), 0)).isTrue();
        assertThat(agree("0 0 0 * * */3", LocalDateTime.parse("2025-08-31T12:00"), 0)).isTrue();
        assertThat(agree("0 0 0 * * 1/2", LocalDateTime.parse("2025-08-31T12:00"), 0)).isTrue();
        assertThat(agree("0 0 0 * * 0/3", LocalDateTime.parse("2025-08-31T12:00"), 0)).isTrue();
        assertThat(agree("0 0 0 * * SUN/2", LocalDateTime.parse("2025-08-31T12:00"), 0)).isTrue();
    }

    @Test
    void dayOfWeekRange_endingOrStartingOnSunday_acceptedLikeSpring() {
        for (String dow : List.of("MON-SUN", "FRI-SUN", "SAT-SUN", "SUN-MON", "SUN-SAT", "5-7", "0-2", "7-7", "mon-sun",
                "MON-SUN/2")) {
            assertThat(agree("0 0 0 * * " + dow, LocalDateTime.parse("2025-08-31T12:00"), 0)).as(dow).isTrue();
        }
        assertThat(fires("0 0 0 * * SAT-SUN", "2025-09-01T00:00", 3))
                .containsExactly("2025-09-06T00:00", "2025-09-07T00:00", "2025-09-13T00:00");
    }

    @Test
    void nearestWeekday_sundayOnTheLastDay_staysInTheMonth_unlikeSpring() {
        // 2049-02-28 is a Sunday and the last day of February: the nearest weekday inside the month is Friday 26th.
        assertThat(fires("5 12 8 28W * *", "2049-01-28T12:12:05", 1)).containsExactly("2049-02-26T08:12:05");
        // Spring moves it to Monday 1 March, which is not the 28th's weekday there, so February never fires.
        assertThat(org.springframework.scheduling.support.CronExpression.parse("5 12 8 28W * *")
                .next(LocalDateTime.parse("2049-01-28T12:12:05"))).isEqualTo(LocalDateTime.parse("2049-03-29T08:12:05"));
    }

    @Test
    void nearestWeekday_saturdayFirst_firesOnMondayThird_evenWhenAskedOnTheSecond() {
        // 2067-01-01 is a Saturday: 1W is Monday the 3rd, whether the search starts before the 1st or on the 2nd.
        assertThat(fires("30 16 20 1W * *", "2066-12-31T00:00", 1)).containsExactly("2067-01-03T20:16:30");
        assertThat(fires("30 16 20 1W * *", "2067-01-02T22:35:23", 1)).containsExactly("2067-01-03T20:16:30");
        // Spring agrees from the 31st but, asked on the 2nd, steps over the 3rd to 1 February.
        var spring = org.springframework.scheduling.support.CronExpression.parse("30 16 20 1W * *");
        assertThat(spring.next(LocalDateTime.parse("2066-12-31T00:00"))).isEqualTo(LocalDateTime.parse("2067-01-03T20:16:30"));
        assertThat(spring.next(LocalDateTime.parse("2067-01-02T22:35:23")))
                .isEqualTo(LocalDateTime.parse("2067-02-01T20:16:30"));
    }

    private static List<String> fires(String expr, String from, int n) {
        return CronSemanticsTest.next(expr, CronDialect.SPRING, from, n);
    }

    /** @return whether both accepted (after checking that they agree) */
    private static boolean agree(String expr, LocalDateTime from, long seed) {
        org.springframework.scheduling.support.CronExpression theirs;
        try {
            theirs = org.springframework.scheduling.support.CronExpression.parse(expr);
        } catch (IllegalArgumentException e) {
            assertThat(accepts(expr)).as("Spring refuses %s (%s) so must we; seed=%s", expr, e.getMessage(), seed)
                    .isFalse();
            return false;
        }
        CronExpression ours;
        try {
            ours = CronExpression.spring(expr);
        } catch (CronParseException e) {
            // We refuse at parse time what can never fire; Spring accepts it and never fires.
            assertThat(e.reason()).as("%s refused but Spring accepts it; seed=%s", expr, seed).contains("never");
            assertThat(theirs.next(from)).as(expr).isNull();
            return false;
        }
        LocalDateTime t = from;
        for (int i = 0; i < 10; i++) {
            LocalDateTime expected = theirs.next(t);
            LocalDateTime actual = ours.nextLocal(t).orElse(null);
            if (expected != null && expected.getYear() > 2199) {
                assertThat(actual).as("%s after %s (ours end in 2199); seed=%s", expr, t, seed).isNull();
                return true;
            }
            if (expected == null && actual != null) {
                // Spring gives up after a bounded number of steps on very sparse expressions; ours must still be
                // a time Spring agrees is the next match from just before it.
                assertThat(theirs.next(actual.minusSeconds(1))).as("%s after %s; seed=%s", expr, t, seed)
                        .isEqualTo(actual);
                return true;
            }
            if (actual != null && expected != null && actual.isBefore(expected) && expr.matches(".*\\d+W.*")) {
                // Spring's nW can step over the weekday it moved to when its search starts between day n and that
                // weekday; Spring itself confirms ours is a match when asked from just before it.
                assertThat(theirs.next(actual.minusSeconds(1))).as("%s after %s; seed=%s", expr, t, seed)
                        .isEqualTo(actual);
                t = actual;
                continue;
            }
            assertThat(actual).as("%s after %s; seed=%s", expr, t, seed).isEqualTo(expected);
            if (expected == null) {
                return true;
            }
            t = expected;
        }
        return true;
    }

    private static boolean accepts(String expr) {
        try {
            CronExpression.spring(expr);
            return true;
        } catch (CronParseException e) {
            return false;
        }
    }

    static String randomExpression(SplittableRandom r) {
        String sec = r.nextInt(3) == 0 ? field(r, 0, 59, null, 0) : String.valueOf(r.nextInt(60));
        String min = r.nextInt(2) == 0 ? field(r, 0, 59, null, 0) : String.valueOf(r.nextInt(60));
        String hour = field(r, 0, 23, null, 0);
        String month = r.nextInt(3) == 0 ? field(r, 1, 12, MONTH_NAMES, 1) : "*";
        String dom;
        String dow;
        switch (r.nextInt(6)) {
            case 0 -> {
                dom = "*";
                dow = dayOfWeek(r);
            }
            case 1 -> {
                dom = "?";
                dow = dayOfWeek(r);
            }
            case 2 -> {
                dom = dayOfMonth(r);
                dow = r.nextBoolean() ? "*" : "?";
            }
            case 3 -> {
                dom = dayOfMonth(r);
                dow = dayOfWeek(r);
            }
            default -> {
                dom = r.nextBoolean() ? "*" : "?";
                dow = r.nextBoolean() ? "*" : "?";
            }
        }
        return sec + " " + min + " " + hour + " " + dom + " " + month + " " + dow;
    }

    static String dayOfMonth(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> "L";
            case 1 -> "L-" + r.nextInt(1, 21);
            case 2 -> "LW";
            case 3 -> r.nextInt(1, 28) + "W"; // 28W and above: see nearestWeekday_sundayOnTheLastDay_*
            default -> field(r, 1, 31, null, 0);
        };
    }

    private static String dayOfWeek(SplittableRandom r) {
        return switch (r.nextInt(7)) {
            case 0 -> day(r) + "L";
            case 1 -> day(r) + "#" + r.nextInt(1, 6);
            default -> field(r, 0, 7, DAY_NAMES, 1);
        };
    }

    private static String day(SplittableRandom r) {
        return r.nextBoolean() ? String.valueOf(r.nextInt(8)) : name(r, DAY_NAMES, r.nextInt(7));
    }

    private static String name(SplittableRandom r, String[] names, int index) {
        String n = names[index];
        return r.nextInt(4) == 0 ? n.toLowerCase(Locale.ROOT) : n;
    }

    /**
     * A list of one to three items, each a value, a range or a step form; {@code names} (when given) may stand
     * for values from {@code firstName} on, and a range may come out reversed (both must refuse it then).
     */
    static String field(SplittableRandom r, int lo, int hi, String[] names, int firstName) {
        if (r.nextInt(5) == 0) {
            return r.nextBoolean() ? "*" : "*/" + r.nextInt(1, hi - Math.max(lo, firstName) + 2);
        }
        int items = 1 + (r.nextInt(3) == 0 ? r.nextInt(1, 3) : 0);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items; i++) {
            sb.append(i == 0 ? "" : ",");
            int a = r.nextInt(lo, hi + 1);
            int b = r.nextInt(8) == 0 ? r.nextInt(lo, hi + 1) : r.nextInt(a, hi + 1);
            String va = value(r, a, names, firstName);
            String vb = value(r, b, names, firstName);
            int step = r.nextInt(1, Math.max(2, (hi - lo) / 2));
            switch (r.nextInt(5)) {
                case 0 -> sb.append(va).append('-').append(vb);
                case 1 -> sb.append(va).append('-').append(vb).append('/').append(step);
                case 2 -> sb.append(va).append('/').append(step);
                default -> sb.append(va);
            }
        }
        return sb.toString();
    }

    private static String value(SplittableRandom r, int v, String[] names, int firstName) {
        int index = v - firstName;
        if (names != null && index >= 0 && index < names.length && r.nextBoolean()) {
            return name(r, names, index);
        }
        return r.nextInt(10) == 0 ? "0" + v : String.valueOf(v);
    }
}
