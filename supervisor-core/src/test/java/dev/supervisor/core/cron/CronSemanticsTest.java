package dev.supervisor.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per specifier rule (L, L-n, LW, nW, dL, d#n, day numbering, DoM/DoW combination) and parse errors. */
class CronSemanticsTest {

    static List<String> next(String expr, CronDialect dialect, String from, int n) {
        CronExpression e = CronExpression.parse(expr, dialect);
        List<String> out = new ArrayList<>();
        LocalDateTime t = LocalDateTime.parse(from);
        for (int i = 0; i < n; i++) {
            t = e.nextLocal(t).orElseThrow();
            out.add(t.toString());
        }
        return out;
    }

    static CronParseException rejected(String expr, CronDialect dialect) {
        try {
            CronExpression.parse(expr, dialect);
        } catch (CronParseException e) {
            return e;
        }
        throw new AssertionError("expected " + expr + " to be rejected");
    }

    @Test
    void lastDayOfMonth_followsMonthLength() {
        assertThat(next("0 0 0 L * ?", CronDialect.QUARTZ, "2024-01-31T12:00", 3))
                .containsExactly("2024-02-29T00:00", "2024-03-31T00:00", "2024-04-30T00:00");
    }

    @Test
    void lastMinusN_skipsMonthsTooShort() {
        assertThat(next("0 0 0 L-29 * ?", CronDialect.QUARTZ, "2025-01-03T12:00", 2))
                .containsExactly("2025-03-02T00:00", "2025-04-01T00:00");
    }

    @Test
    void nearestWeekday_neverCrossesMonthEdge() {
        // 2025-05-31 is a Saturday: nearest weekday inside May is Friday 30th, not Monday 2 June.
        assertThat(next("0 0 0 31W * ?", CronDialect.QUARTZ, "2025-05-01T00:00", 1))
                .containsExactly("2025-05-30T00:00");
        // 2025-11-30 is a Sunday, the last day: Friday 28th.
        assertThat(next("0 0 0 30W 11 ?", CronDialect.QUARTZ, "2025-11-01T00:00", 1))
                .containsExactly("2025-11-28T00:00");
    }

    @Test
    void nearestWeekday_dayTheMonthLacks_noFireAndNoThrow() {
        assertThat(next("0 0 0 31W 4,5 ?", CronDialect.QUARTZ, "2025-04-01T00:00", 1))
                .containsExactly("2025-05-30T00:00");
    }

    @Test
    void weekdaySpecial_takesOnlyASingleDay() {
        assertThat(rejected("0 0 0 1W,15W * ?", CronDialect.QUARTZ).reason()).contains("single day");
        assertThat(rejected("0 0 0 1-5W * ?", CronDialect.QUARTZ).field()).isEqualTo("day-of-month");
    }

    @Test
    void lastWeekday_sundayAndSaturdayEnds() {
        assertThat(next("0 0 0 LW * ?", CronDialect.QUARTZ, "2025-05-01T00:00", 2))
                .containsExactly("2025-05-30T00:00", "2025-06-30T00:00");
    }

    @Test
    void lAloneInDayOfWeek_isSaturdayInQuartzOnly() {
        assertThat(next("0 0 0 ? * L", CronDialect.QUARTZ, "2025-01-01T00:00", 1)).containsExactly("2025-01-04T00:00");
        assertThat(rejected("0 0 0 ? * L", CronDialect.SPRING).field()).isEqualTo("day-of-week");
    }

    @Test
    void lastWeekdayOfMonth_dL() {
        assertThat(next("0 0 0 ? * 2L", CronDialect.QUARTZ, "2025-01-01T00:00", 1)).containsExactly("2025-01-27T00:00");
    }

    @Test
    void dayOfWeekNumbering_differsPerDialect_sundayLast() {
        String lastSundayJan2025 = "2025-01-26T00:00";
        assertThat(next("0 0 0 ? * SUNL", CronDialect.QUARTZ, "2025-01-01T00:00", 1))
                .containsExactly(lastSundayJan2025);
        assertThat(next("0 0 0 ? * 1L", CronDialect.QUARTZ, "2025-01-01T00:00", 1)).containsExactly(lastSundayJan2025);
        assertThat(next("0 0 0 * * 0L", CronDialect.SPRING, "2025-01-01T00:00", 1)).containsExactly(lastSundayJan2025);
        assertThat(next("0 0 0 * * 7L", CronDialect.SPRING, "2025-01-01T00:00", 1)).containsExactly(lastSundayJan2025);
        // 7 is Saturday in Quartz: last Saturday of January 2025 is the 25th.
        assertThat(next("0 0 0 ? * 7L", CronDialect.QUARTZ, "2025-01-01T00:00", 1)).containsExactly("2025-01-25T00:00");
        assertThat(rejected("0 0 0 ? * 0L", CronDialect.QUARTZ).reason()).contains("0 is out of range");
        assertThat(next("0 0 * * 0", CronDialect.UNIX, "2025-01-01T00:00", 1)).containsExactly("2025-01-05T00:00");
        assertThat(next("0 0 * * 7", CronDialect.UNIX, "2025-01-01T00:00", 1)).containsExactly("2025-01-05T00:00");
    }

    @Test
    void nthWeekday_missingFifth_skipsMonth() {
        assertThat(next("0 0 0 ? * 6#5", CronDialect.QUARTZ, "2025-01-01T00:00", 2))
                .containsExactly("2025-01-31T00:00", "2025-05-30T00:00");
        assertThat(rejected("0 0 0 ? * 6#6", CronDialect.QUARTZ).reason()).contains("between 1 and 5");
    }

    @Test
    void dayOfMonthWithDayOfWeek_orInUnix_andInSpring_questionMarkInQuartz() {
        assertThat(next("0 0 13 * 5", CronDialect.UNIX, "2025-06-01T00:00", 2))
                .containsExactly("2025-06-06T00:00", "2025-06-13T00:00");
        assertThat(next("0 0 0 13 * FRI", CronDialect.SPRING, "2025-01-01T00:00", 1))
                .containsExactly("2025-06-13T00:00");
        assertThat(rejected("0 0 0 13 * FRI", CronDialect.QUARTZ).reason()).contains("'?'");
        assertThat(rejected("0 0 0 ? * ?", CronDialect.QUARTZ).reason()).contains("only one");
    }

    @Test
    void impossibleDates_rejectedAtParse_orAnsweredQuicklyWhenOnlyTheSearchCanTell() {
        assertThat(rejected("0 0 31 4,6 *", CronDialect.UNIX).field()).isEqualTo("day-of-month");
        assertThat(rejected("0 0 0 31W 2 ?", CronDialect.QUARTZ).field()).isEqualTo("day-of-month");
        // No February of 2026-2027 has a fifth Sunday: valid syntax that never fires, answered quickly.
        CronExpression none = CronExpression.parse("0 0 0 ? 2 1#5 2026-2027", CronDialect.QUARTZ);
        long t0 = System.nanoTime();
        assertThat(none.nextLocal(LocalDateTime.parse("2025-01-01T00:00"))).isEmpty();
        assertThat(none.previousLocal(LocalDateTime.parse("2030-01-01T00:00"))).isEmpty();
        assertThat(System.nanoTime() - t0).isLessThan(1_000_000_000L);
    }

    @Test
    void quartzDropsEarlierFiresOnWeekdayDays_oursFiresEveryTime() {
        // 2025-03-15 is a Saturday: 15W is Friday 14th and all three times fire that day.
        assertThat(next("0 0 9,12,15 15W * ?", CronDialect.QUARTZ, "2025-03-01T00:00", 3))
                .containsExactly("2025-03-14T09:00", "2025-03-14T12:00", "2025-03-14T15:00");
        // 2025-06-15 is a Sunday: the nearest weekday comes after day 15 (Monday 16th).
        assertThat(next("0 0 9,12,15 15W * ?", CronDialect.QUARTZ, "2025-06-15T10:00", 3))
                .containsExactly("2025-06-16T09:00", "2025-06-16T12:00", "2025-06-16T15:00");
        assertThat(next("0 0 9,12 LW * ?", CronDialect.QUARTZ, "2025-08-01T00:00", 2))
                .containsExactly("2025-08-29T09:00", "2025-08-29T12:00");
    }

    @Test
    void parseErrors_nameFieldPositionAndReason() {
        CronParseException e = rejected("0 0 12 32 * ?", CronDialect.QUARTZ);
        assertThat(e.field()).isEqualTo("day-of-month");
        assertThat(e.position()).isEqualTo(7);
        assertThat(e.reason()).contains("32 is out of range: day-of-month takes 1-31");
        assertThat(rejected("*/0 * * * *", CronDialect.UNIX).reason()).contains("step 0");
        assertThat(rejected("* * * *", CronDialect.UNIX).reason()).contains("5 fields");
        assertThat(rejected("0 0 12 * * ? 2025 x", CronDialect.QUARTZ).position()).isEqualTo(18);
        assertThat(rejected("0 0 12 * FOO ?", CronDialect.QUARTZ).reason()).contains("unknown month value 'FOO'");
        assertThat(rejected("0 0 22-2 * * *", CronDialect.SPRING).reason()).contains("only QUARTZ wraps");
        assertThat(rejected("0 0 * * 1L", CronDialect.UNIX).reason()).contains("not part of the UNIX dialect");
        assertThat(rejected("@reboot", CronDialect.UNIX).reason()).contains("unknown macro");
        assertThat(rejected("", CronDialect.UNIX).reason()).contains("empty");
    }

    @Test
    void wrappingRangesAndNames_inQuartz() {
        assertThat(next("0 0 22-1 ? * FRI-MON", CronDialect.QUARTZ, "2025-01-03T21:00", 4)) // 3 Jan 2025 = Friday
                .containsExactly("2025-01-03T22:00", "2025-01-03T23:00", "2025-01-04T00:00", "2025-01-04T01:00");
    }

    @Test
    void macros_inEveryDialect() {
        for (CronDialect d : CronDialect.values()) {
            assertThat(next("@weekly", d, "2025-01-01T00:00", 1)).containsExactly("2025-01-05T00:00");
            assertThat(next("@hourly", d, "2025-01-01T00:30", 1)).containsExactly("2025-01-01T01:00");
            assertThat(CronExpression.parse("@hourly", d).measuresElapsedHours()).isTrue();
            assertThat(CronExpression.parse("@daily", d).measuresElapsedHours()).isFalse();
        }
    }

    @Test
    void describe_givesAnEnglishSentence() {
        assertThat(CronExpression.quartz("0 0 12 ? * MON-FRI").describe().toLowerCase()).contains("12")
                .contains("monday");
        assertThat(CronExpression.unix("*/5 * * * *").describe().toLowerCase()).contains("5 minutes");
        assertThat(CronExpression.unix("@daily").describe()).isNotBlank();
    }

    @Test
    void overlapDefault_followsHourField() {
        ZoneId z = ZoneId.of("Europe/Berlin");
        assertThat(CronExpression.quartz("0 0/15 * * * ?").in(z).overlapPolicy()).isEqualTo(DstOverlapPolicy.BOTH);
        assertThat(CronExpression.quartz("0 0 0/2 * * ?").in(z).overlapPolicy()).isEqualTo(DstOverlapPolicy.BOTH);
        assertThat(CronExpression.quartz("0 0 2,3 * * ?").in(z).overlapPolicy())
                .isEqualTo(DstOverlapPolicy.FIRST_OCCURRENCE);
    }

    @Test
    void nextFire_recordsAdjustmentAndTzdbVersion() {
        CronSchedule s = CronExpression.quartz("0 30 2 * * ?").in(ZoneId.of("Europe/Berlin"));
        CronFire f = s.nextFire(CronVectorsTest.local("2025-03-29T12:00", "Europe/Berlin")).orElseThrow();
        assertThat(f.adjustment()).isEqualTo(CronFire.Adjustment.GAP_SHIFTED);
        assertThat(f.scheduledLocal()).isEqualTo(LocalDateTime.parse("2025-03-30T02:30"));
        assertThat(f.zoned().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-03-30T03:30"));
        assertThat(f.tzdbVersion()).matches("\\d{4}[a-z]");
        assertThat(s.preview(f.instant(), 3)).hasSize(3);
    }
}
