package dev.supervisor.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 28 daylight-saving and specifier vectors (gaps, overlaps, half-hour and skipped-day zones, L W # and the
 * UNIX OR rule), each with the expected result under the default policies (and the alternative policy where the
 * row names one). Several are cases where Quartz or cron-utils answer differently.
 */
class CronVectorsTest {

    static List<String> fires(CronSchedule s, Instant from, int n) {
        List<String> out = new ArrayList<>();
        Instant t = from;
        for (int i = 0; i < n; i++) {
            t = s.next(t).orElseThrow();
            out.add(OffsetDateTime.ofInstant(t, s.zone()).toString());
        }
        return out;
    }

    static Instant local(String local, String zone) {
        return ZonedDateTime.of(LocalDateTime.parse(local), ZoneId.of(zone)).toInstant();
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static CronSchedule quartz(String expr, String zone) {
        return CronSchedule.of(expr, CronDialect.QUARTZ, ZoneId.of(zone));
    }

    static CronSchedule unix(String expr, String zone) {
        return CronSchedule.of(expr, CronDialect.UNIX, ZoneId.of(zone));
    }

    @Test
    void row01_springForwardGap_shiftsForwardByDefaultAndSkipsWhenAsked() {
        CronSchedule shift = quartz("0 30 2 * * ?", "Europe/Berlin");
        assertThat(fires(shift, local("2025-03-29T12:00", "Europe/Berlin"), 2))
                .containsExactly("2025-03-30T03:30+02:00", "2025-03-31T02:30+02:00");
        CronSchedule skip = CronSchedule.builder(CronExpression.quartz("0 30 2 * * ?"), ZoneId.of("Europe/Berlin"))
                .gapPolicy(DstGapPolicy.SKIP).build();
        assertThat(fires(skip, local("2025-03-29T12:00", "Europe/Berlin"), 1))
                .containsExactly("2025-03-31T02:30+02:00");
        CronSchedule nextValid = CronSchedule.builder(CronExpression.quartz("0 30 2 * * ?"),
                ZoneId.of("Europe/Berlin")).gapPolicy(DstGapPolicy.NEXT_VALID_INSTANT).build();
        assertThat(fires(nextValid, local("2025-03-29T12:00", "Europe/Berlin"), 1))
                .containsExactly("2025-03-30T03:00+02:00");
    }

    @Test
    void row02_fallBackFixedTime_firesOnceInFirstPass() {
        assertThat(fires(quartz("0 30 2 * * ?", "Europe/Berlin"), local("2025-10-25T12:00", "Europe/Berlin"), 2))
                .containsExactly("2025-10-26T02:30+02:00", "2025-10-27T02:30+01:00");
    }

    @Test
    void row02_lastOccurrence_firesInSecondPass() {
        CronSchedule last = CronSchedule.builder(CronExpression.quartz("0 30 2 * * ?"), ZoneId.of("Europe/Berlin"))
                .overlapPolicy(DstOverlapPolicy.LAST_OCCURRENCE).build();
        assertThat(fires(last, local("2025-10-25T12:00", "Europe/Berlin"), 1))
                .containsExactly("2025-10-26T02:30+01:00");
    }

    @Test
    void row03_subHourlyAcrossFallBack_firesInBothPasses() {
        assertThat(fires(quartz("0 0/30 * * * ?", "Europe/Berlin"), at("2025-10-26T01:45+02:00"), 5))
                .containsExactly("2025-10-26T02:00+02:00", "2025-10-26T02:30+02:00", "2025-10-26T02:00+01:00",
                        "2025-10-26T02:30+01:00", "2025-10-26T03:00+01:00");
    }

    @Test
    void row04_startInsideFirstPass_findsSecondPass() {
        assertThat(fires(quartz("0 0/30 * * * ?", "Europe/Berlin"), at("2025-10-26T02:40+02:00"), 1))
                .containsExactly("2025-10-26T02:00+01:00");
    }

    @Test
    void row05_missingMidnight_shiftsToOneAm() {
        assertThat(fires(quartz("0 0 0 * * ?", "America/Santiago"), local("2025-09-06T12:00", "America/Santiago"), 2))
                .containsExactly("2025-09-07T01:00-03:00", "2025-09-08T00:00-03:00");
    }

    @Test
    void row06_cairoMidnightGap_neverSkipsTheDay() {
        assertThat(fires(quartz("0 0 0/2 * * ?", "Africa/Cairo"), local("2025-04-24T21:10:20", "Africa/Cairo"), 3))
                .containsExactly("2025-04-24T22:00+02:00", "2025-04-25T01:00+03:00", "2025-04-25T02:00+03:00");
    }

    @Test
    void row07_amsterdamSpringForward_keepsNextDay() {
        assertThat(fires(quartz("0 5 0 * * ?", "Europe/Amsterdam"), at("2021-03-28T01:00+01:00"), 1))
                .containsExactly("2021-03-29T00:05+02:00");
    }

    @Test
    void row08_parisFallBack_keepsNextDay() {
        assertThat(fires(quartz("0 5 0 * * ?", "Europe/Paris"), at("2019-10-27T01:05+02:00"), 1))
                .containsExactly("2019-10-28T00:05+01:00");
    }

    @Test
    void row09_lordHoweHalfHourOverlap_firesOnceAtFirstOffset() {
        assertThat(fires(quartz("0 45 1 * * ?", "Australia/Lord_Howe"),
                local("2025-04-05T12:00", "Australia/Lord_Howe"), 2))
                .containsExactly("2025-04-06T01:45+11:00", "2025-04-07T01:45+10:30");
    }

    @Test
    void row10_newYorkSpringForward_sameWallClock23HoursLater() {
        assertThat(fires(quartz("0 0 17 * * ?", "America/New_York"), at("2016-03-12T17:00-05:00"), 1))
                .containsExactly("2016-03-13T17:00-04:00");
    }

    @Test
    void row11_kiev_resultIsAfterInput() {
        assertThat(fires(quartz("0 0 23 * * ? *", "Europe/Kiev"), at("2024-03-31T21:59:30+03:00"), 1))
                .containsExactly("2024-03-31T23:00+03:00");
    }

    @Test
    void row12_thirtiethOfFebruary_rejectedAtParse() {
        assertThatThrownBy(() -> CronExpression.quartz("0 0 0 30 2 ?"))
                .isInstanceOf(CronParseException.class)
                .satisfies(e -> assertThat(((CronParseException) e).field()).isEqualTo("day-of-month"))
                .hasMessageContaining("never");
    }

    @Test
    void row13_firstWeekdayOnSaturday_movesToMondayThird() {
        assertThat(fires(quartz("0 0 12 1W * ?", "UTC"), local("2025-02-15T00:00", "UTC"), 1))
                .containsExactly("2025-03-03T12:00Z");
    }

    @Test
    void row14_lastWeekday_sundayThirtyFirstGivesFriday() {
        assertThat(fires(quartz("0 0 12 LW * ?", "UTC"), local("2025-08-01T00:00", "UTC"), 1))
                .containsExactly("2025-08-29T12:00Z");
    }

    @Test
    void row15_fifthMonday_skipsMonthsWithoutOne() {
        assertThat(fires(quartz("0 0 12 ? * 2#5", "UTC"), local("2025-01-01T00:00", "UTC"), 2))
                .containsExactly("2025-03-31T12:00Z", "2025-06-30T12:00Z");
    }

    @Test
    void row16_lastFriday() {
        assertThat(fires(quartz("0 0 12 ? * 6L", "UTC"), local("2025-02-01T00:00", "UTC"), 1))
                .containsExactly("2025-02-28T12:00Z");
    }

    @Test
    void row17_lastMinusThree_inLeapFebruary() {
        assertThat(fires(quartz("0 0 12 L-3 * ?", "UTC"), local("2024-02-01T00:00", "UTC"), 1))
                .containsExactly("2024-02-26T12:00Z");
    }

    @Test
    void row18_lAloneInDayOfWeek_isSaturday() {
        assertThat(fires(quartz("0 0 0 ? * L *", "UTC"), local("2016-12-22T00:00", "UTC"), 1))
                .containsExactly("2016-12-24T00:00Z");
    }

    @Test
    void row19_thirtyFirstWeekday_skipsThirtyDayMonthsWithoutThrowing() {
        assertThat(fires(quartz("0 0 12 31W * ?", "UTC"), local("2025-04-01T00:00", "UTC"), 1))
                .containsExactly("2025-05-30T12:00Z");
    }

    @Test
    void row20_unixDayOfMonthAndDayOfWeek_areOred() {
        assertThat(fires(unix("0 9 1-7 * 1", "UTC"), local("2025-09-01T10:00", "UTC"), 8))
                .containsExactly("2025-09-02T09:00Z", "2025-09-03T09:00Z", "2025-09-04T09:00Z", "2025-09-05T09:00Z",
                        "2025-09-06T09:00Z", "2025-09-07T09:00Z", "2025-09-08T09:00Z", "2025-09-15T09:00Z");
    }

    @Test
    void row21_unixStarStepDayOfMonth_isARestrictionSoOred() {
        assertThat(fires(unix("0 0 */2 * 1", "UTC"), local("2025-09-01T01:00", "UTC"), 6))
                .containsExactly("2025-09-03T00:00Z", "2025-09-05T00:00Z", "2025-09-07T00:00Z", "2025-09-08T00:00Z",
                        "2025-09-09T00:00Z", "2025-09-11T00:00Z");
    }

    @Test
    void row22_unixStepInDayOfWeek() {
        assertThat(fires(unix("* * * * */3", "UTC"), local("2018-02-08T00:00", "UTC"), 1))
                .containsExactly("2018-02-10T00:00Z");
    }

    @Test
    void row23_dstSunday_isNotSkipped() {
        assertThat(fires(quartz("0 0 12 ? * SUN", "Europe/Berlin"), local("2022-03-24T12:00", "Europe/Berlin"), 1))
                .containsExactly("2022-03-27T12:00+02:00");
    }

    @Test
    void row24_monthStepAcrossDstMonths() {
        assertThat(fires(quartz("0 * * * */3 ?", "America/New_York"), local("2015-02-15T00:00", "America/New_York"), 1))
                .containsExactly("2015-04-01T00:00-04:00");
    }

    @Test
    void row25_pragueMidnightAfterSpringForward_isNotSkipped() {
        assertThat(fires(quartz("0 0 0 * * ?", "Europe/Prague"), local("2026-03-29T00:30", "Europe/Prague"), 1))
                .containsExactly("2026-03-30T00:00+02:00");
    }

    @Test
    void row26_betweenPasses_firstOccurrenceWaitsForNextWeek() {
        assertThat(fires(quartz("0 0 2 ? * SUN", "Europe/Berlin"), at("2024-10-27T02:30+02:00"), 1))
                .containsExactly("2024-11-03T02:00+01:00");
    }

    @Test
    void row27_hourRangesAndLists_keepTheWallClock() {
        assertThat(fires(quartz("0 0 7-8 * * ?", "America/Los_Angeles"),
                local("2020-03-07T08:00", "America/Los_Angeles"), 1)).containsExactly("2020-03-08T07:00-07:00");
        assertThat(fires(quartz("0 0 7,9 * * ?", "America/Los_Angeles"),
                local("2020-03-07T09:00", "America/Los_Angeles"), 1)).containsExactly("2020-03-08T07:00-07:00");
    }

    @Test
    void row28_stepHoursAcrossGap_increaseStrictly() {
        assertThat(fires(quartz("0 20 0/4 * * ?", "America/Los_Angeles"),
                local("2023-03-11T22:00", "America/Los_Angeles"), 2))
                .containsExactly("2023-03-12T00:20-08:00", "2023-03-12T04:20-07:00");
    }
}
