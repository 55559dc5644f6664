package dev.supervisor.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@link CronExpression#describe()} says what fires: fixed sentences for the common shapes, and a property test
 * that reads seeded random descriptions back with {@link DescriptionReader} (plain java.time) and compares them
 * with the evaluator on fires, on neighbouring seconds, on 400 consecutive days, across a day and on random times.
 */
class CronDescribeTest {
    private static final String[] QUARTZ_DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final String[] MONTHS = SpringCronAgreementTest.MONTH_NAMES;

    @Test
    void describe_quartzLAloneInDayOfWeek_isEverySaturday() {
        assertThat(CronExpression.quartz("0 0 0 ? * L").describe()).isEqualTo("at 00:00, on Saturday");
    }

    @Test
    void describe_stepOverADayRange_namesTheDays() {
        assertThat(CronExpression.quartz("0 0 12 ? * MON-FRI/2").describe())
                .isEqualTo("at 12:00, on Monday, Wednesday and Friday");
        assertThat(CronExpression.spring("0 0 12 * * */2").describe())
                .isEqualTo("at 12:00, on Monday, Wednesday, Friday and Sunday");
    }

    @Test
    void describe_commonShapes() {
        assertThat(CronExpression.quartz("0 0 12 ? * MON-FRI").describe()).isEqualTo("at 12:00, on Monday to Friday");
        assertThat(CronExpression.unix("*/5 * * * *").describe()).isEqualTo("every 5 minutes");
        assertThat(CronExpression.quartz("* * * * * ?").describe()).isEqualTo("every second");
        assertThat(CronExpression.quartz("30 * * * * ?").describe()).isEqualTo("every minute at second 30");
        assertThat(CronExpression.quartz("0 15 * * * ?").describe()).isEqualTo("every hour at minute 15");
        assertThat(CronExpression.quartz("0 0/15 9-17 * * ?").describe()).isEqualTo("every 15 minutes, in hours 9 to 17");
        assertThat(CronExpression.quartz("0 0 0/2 * * ?").describe()).isEqualTo("at minute 0, in every 2nd hour");
        assertThat(CronExpression.quartz("0 30 9,17 * * ?").describe()).isEqualTo("at 09:30 and 17:30");
        assertThat(CronExpression.quartz("0 15 10 ? * 6L").describe())
                .isEqualTo("at 10:15, on the last Friday of the month");
        assertThat(CronExpression.quartz("0 0 12 ? * 2#3").describe())
                .isEqualTo("at 12:00, on the 3rd Monday of the month");
        assertThat(CronExpression.quartz("0 0 12 L-3 * ?").describe())
                .isEqualTo("at 12:00, on the day 3 days before the last day of the month");
        assertThat(CronExpression.quartz("0 0 12 15W * ?").describe())
                .isEqualTo("at 12:00, on the weekday nearest day 15 of the month");
        assertThat(CronExpression.spring("0 0 0 13 * FRI").describe())
                .isEqualTo("at 00:00, on day 13 of the month when that is Friday");
        assertThat(CronExpression.unix("0 9 1-7 * 1").describe())
                .isEqualTo("at 09:00, on days 1 to 7 of the month and on Monday");
        assertThat(CronExpression.quartz("0 0 0 1 1/3 ? 2025-2030").describe())
                .isEqualTo("at 00:00, on day 1 of the month, in January, April, July and October, in years 2025 to 2030");
        assertThat(CronExpression.quartz("0 0 0 29 2 ? 2028/4").describe())
                .isEqualTo("at 00:00, on day 29 of the month, in February, in every 4th year from 2028 to 2196");
        assertThat(CronExpression.unix("@daily").describe()).isEqualTo("at 00:00");
        assertThat(CronExpression.unix("@weekly").describe()).isEqualTo("at 00:00, on Sunday");
        assertThat(CronExpression.unix("@yearly").describe()).isEqualTo("at 00:00, on day 1 of the month, in January");
    }

    @Test
    void describe_neverContradictsTheEvaluator_onRandomExpressions() {
        long seed = System.nanoTime();
        System.out.println("CronDescribeTest seed=" + seed);
        SplittableRandom r = new SplittableRandom(seed);
        int checked = 0;
        for (int i = 0; i < 300; i++) {
            CronDialect dialect = CronDialect.values()[i % 3];
            String text = switch (dialect) {
                case UNIX -> unix(r);
                case QUARTZ -> quartz(r);
                case SPRING -> SpringCronAgreementTest.randomExpression(r);
            };
            CronExpression e;
            try {
                e = CronExpression.parse(text, dialect);
            } catch (CronParseException refused) {
                continue;
            }
            check(e, r, seed);
            checked++;
        }
        assertThat(checked).as("seed=%s", seed).isGreaterThan(150);
    }

    private static void check(CronExpression e, SplittableRandom r, long seed) {
        String sentence = e.describe();
        Predicate<LocalDateTime> said = DescriptionReader.read(sentence);
        String ctx = e + " described as \"" + sentence + "\" seed=" + seed;
        for (int i = 0; i < 200; i++) {
            LocalDateTime t = LocalDateTime.of(2020 + r.nextInt(16), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60));
            same(said, e, t, ctx);
        }
        LocalDateTime f = e.nextLocal(LocalDateTime.of(2020 + r.nextInt(10), 1, 1, 0, 0)).orElse(null);
        if (f == null) {
            return;
        }
        LocalDateTime first = f;
        for (int i = 0; i < 40 && f != null; i++) {
            for (int delta = -2; delta <= 2; delta++) {
                LocalDateTime t = f.plusSeconds(delta);
                same(said, e, t, ctx);
            }
            f = e.nextLocal(f).orElse(null);
        }
        for (int d = 0; d < 400; d++) {
            LocalDateTime t = first.plusDays(d);
            same(said, e, t, ctx);
        }
        for (int m = r.nextInt(3); m < 1440; m += 3) {
            LocalDateTime t = first.toLocalDate().atStartOfDay().plusMinutes(m).withSecond(first.getSecond());
            same(said, e, t, ctx);
        }
    }

    /** Plain comparison first: an assertion object per check would make this test many times slower. */
    private static void same(Predicate<LocalDateTime> said, CronExpression e, LocalDateTime t, String ctx) {
        if (said.test(t) != e.matches(t)) {
            assertThat(said.test(t)).as("%s at %s", ctx, t).isEqualTo(e.matches(t));
        }
    }

    private static String unix(SplittableRandom r) {
        return SpringCronAgreementTest.field(r, 0, 59, null, 0) + " " + SpringCronAgreementTest.field(r, 0, 23, null, 0)
                + " " + (r.nextBoolean() ? "*" : SpringCronAgreementTest.field(r, 1, 31, null, 0))
                + " " + (r.nextInt(3) == 0 ? SpringCronAgreementTest.field(r, 1, 12, MONTHS, 1) : "*")
                + " " + (r.nextBoolean() ? "*" : SpringCronAgreementTest.field(r, 0, 7, QUARTZ_DAYS, 0));
    }

    private static String quartz(SplittableRandom r) {
        String time = (r.nextInt(3) == 0 ? SpringCronAgreementTest.field(r, 0, 59, null, 0) : "0") + " "
                + SpringCronAgreementTest.field(r, 0, 59, null, 0) + " " + SpringCronAgreementTest.field(r, 0, 23, null, 0);
        String month = r.nextInt(3) == 0 ? SpringCronAgreementTest.field(r, 1, 12, MONTHS, 1) : "*";
        String days;
        if (r.nextBoolean()) {
            days = SpringCronAgreementTest.dayOfMonth(r) + " " + month + " ?";
        } else {
            String dow = switch (r.nextInt(6)) {
                case 0 -> "L";
                case 1 -> r.nextInt(1, 8) + "L";
                case 2 -> QUARTZ_DAYS[r.nextInt(7)] + "#" + r.nextInt(1, 6);
                default -> SpringCronAgreementTest.field(r, 1, 7, QUARTZ_DAYS, 1);
            };
            days = "? " + month + " " + dow;
        }
        String year = switch (r.nextInt(5)) {
            case 0 -> " " + r.nextInt(2020, 2030) + "-" + r.nextInt(2030, 2040);
            case 1 -> " " + r.nextInt(2020, 2025) + "/" + r.nextInt(1, 5);
            case 2 -> " 2021,2024,2030";
            default -> "";
        };
        return time + " " + days + year;
    }
}
