package dev.supervisor.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The edges of the input: the first and last instants and wall-clock times, hostile or odd expression text,
 * numbers of any length, and the overlap default for an hour list that contains a step.
 */
class CronLimitsTest {
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("Etc/GMT+12"), ZoneId.of("Europe/Berlin"));

    private static CronParseException rejected(String expr, CronDialect dialect) {
        CronParseException e = catchThrowableOfType(CronParseException.class,
                () -> CronExpression.parse(expr, dialect));
        assertThat(e).as("expected %s to be rejected", expr).isNotNull();
        return e;
    }

    @Test
    void nextAndPrevious_atInstantMinAndMax_answerInsteadOfThrowing() {
        for (ZoneId zone : ZONES) {
            CronSchedule noon = CronSchedule.of("0 0 12 * * ?", CronDialect.QUARTZ, zone);
            assertThat(noon.next(Instant.MAX)).as("%s", zone).isEmpty();
            assertThat(noon.nextFire(Instant.MAX)).isEmpty();
            assertThat(noon.preview(Instant.MAX, 3)).isEmpty();
            assertThat(noon.previous(Instant.MIN)).isEmpty();
            assertThat(noon.next(Instant.MIN).map(i -> i.atZone(zone).toLocalDateTime()))
                    .contains(LocalDateTime.parse("1970-01-01T12:00"));
            assertThat(noon.previous(Instant.MAX).map(i -> i.atZone(zone).toLocalDateTime()))
                    .contains(LocalDateTime.parse("2199-12-31T12:00"));
        }
    }

    @Test
    void nextLocalAndPreviousLocal_atLocalDateTimeMinAndMax_answerInsteadOfThrowing() {
        CronExpression noon = CronExpression.quartz("0 0 12 * * ?");
        assertThat(noon.nextLocal(LocalDateTime.MAX)).isEmpty();
        assertThat(noon.previousLocal(LocalDateTime.MIN)).isEmpty();
        assertThat(noon.nextLocal(LocalDateTime.MIN)).contains(LocalDateTime.parse("1970-01-01T12:00"));
        assertThat(noon.previousLocal(LocalDateTime.MAX)).contains(LocalDateTime.parse("2199-12-31T12:00"));
        assertThat(noon.nextLocal(LocalDateTime.parse("2199-12-31T12:00"))).isEmpty();
        assertThat(noon.previousLocal(LocalDateTime.parse("1970-01-01T12:00"))).isEmpty();
    }

    @Test
    void add_startAtInstantMax_completesInsteadOfThrowing() {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        List<ScheduledFire> fires = new ArrayList<>();
        try (CronScheduler cron = CronScheduler.create(CronSchedulerConfig.builder().clock(clock).timer(clock).build())) {
            CronSchedule hourly = CronSchedule.of("0 0 * * * ?", CronDialect.QUARTZ, ZoneOffset.UTC);
            ScheduleInfo never = cron.add(ScheduleSpec.builder("never", hourly, ScheduleTarget.of(fires::add))
                    .startAt(Instant.MAX).build());
            assertThat(never.completed()).isTrue();
            assertThat(never.nextFire()).isNull();
            assertThat(cron.preview("never", 3)).isEmpty();
            ScheduleInfo always = cron.add(ScheduleSpec.builder("always", hourly, ScheduleTarget.of(fires::add))
                    .startAt(Instant.MIN).misfireThreshold(Duration.ofSeconds(Long.MAX_VALUE))
                    .misfirePolicy(MisfirePolicy.fireWithin(Duration.ofSeconds(Long.MAX_VALUE))).build());
            assertThat(always.nextFire()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
            clock.advance(Duration.ofHours(2));
            assertThat(fires).extracting(ScheduledFire::scheduledAt).containsExactly(
                    Instant.parse("2026-01-01T01:00:00Z"), Instant.parse("2026-01-01T02:00:00Z"));
        }
    }

    @Test
    void parse_hugeInput_givesShortMessage() {
        String huge = "0 0 12 * * ?" + " 1".repeat(50_000);
        CronParseException e = rejected(huge, CronDialect.QUARTZ);
        assertThat(e.getMessage()).hasSizeLessThan(600).contains("1024");
        assertThat(e.expression()).isEqualTo(huge);
        String longToken = "0 0 12 " + "1,".repeat(400) + "x * ?";
        assertThat(rejected(longToken, CronDialect.QUARTZ).getMessage()).hasSizeLessThan(600);
    }

    @Test
    void parse_lengthCap_isOneThousandTwentyFourCharacters() {
        String padded = "0".repeat(1024 - "0 12 * * ?".length() - 1) + " 0 12 * * ?";
        assertThat(padded).hasSize(1024);
        assertThat(CronExpression.quartz(padded).nextLocal(LocalDateTime.parse("2025-01-01T00:00")))
                .contains(LocalDateTime.parse("2025-01-01T12:00"));
        assertThat(rejected("0" + padded, CronDialect.QUARTZ).reason()).contains("limit is 1024");
    }

    @Test
    void parse_newlineInside_refusedAndEscapedInTheMessage() {
        String forged = "0 0 12 * * ?\n2026-01-01 12:00:00 INFO admin logged in";
        CronParseException e = rejected(forged, CronDialect.QUARTZ);
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").contains("\\n");
        assertThat(e.reason()).contains("control character U+000A");
        assertThat(rejected("0 0 12 * * ?\r\nX", CronDialect.QUARTZ).getMessage()).doesNotContain("\r");
        assertThat(rejected("0 0 12 * \u0000 ?", CronDialect.QUARTZ).getMessage()).doesNotContain("\u0000");
    }

    @Test
    void parse_blanksAroundAndTabsBetween_accepted() {
        CronExpression e = CronExpression.quartz("\n  0\t0 12 * * ?\r\n");
        assertThat(e.text()).isEqualTo("0\t0 12 * * ?");
        assertThat(e.nextLocal(LocalDateTime.parse("2025-01-01T00:00"))).contains(LocalDateTime.parse("2025-01-01T12:00"));
    }

    @Test
    void parse_nonAsciiLookAlikes_refusedInEveryDialect() {
        assertThat(rejected("0 0 * * \u017Fun", CronDialect.UNIX).reason()).contains("non-ASCII character U+017F");
        assertThat(rejected("0 0 0 * * \u017Fun", CronDialect.SPRING).position()).isEqualTo(10);
        assertThat(rejected("0 0 0 ? * MON-\u017Fat", CronDialect.QUARTZ).reason()).contains("U+017F");
        assertThat(rejected("0 0 0 ? \u212Aan *", CronDialect.QUARTZ).reason()).contains("U+212A");
        assertThat(rejected("0 0 \uFF11\uFF12 * * ?", CronDialect.QUARTZ).reason()).contains("non-ASCII");
        assertThat(rejected("0 0 * * 1\u00A0", CronDialect.UNIX).getMessage()).contains("\\u00A0");
    }

    @Test
    void parse_numbersOfAnyLength_outOfRangeNotMalformed() {
        assertThat(rejected("0 0 1234567 * * ?", CronDialect.QUARTZ).reason())
                .isEqualTo("1234567 is out of range: hour takes 0-23");
        assertThat(rejected("0 0 99999999999999999999 * * ?", CronDialect.QUARTZ).reason()).contains("out of range");
        assertThat(rejected("*/12345678901 * * * *", CronDialect.UNIX).reason()).contains("out of range");
        assertThat(rejected("0 0 0 L-1234567 * ?", CronDialect.QUARTZ).reason()).contains("out of range");
        assertThat(rejected("0 0 0 1234567W * ?", CronDialect.QUARTZ).reason()).contains("out of range");
        assertThat(rejected("0 0 0 ? * MON#1234567", CronDialect.QUARTZ).reason()).contains("out of range");
        assertThat(rejected("0 0 0 ? * * 12345678", CronDialect.QUARTZ).reason()).contains("out of range");
    }

    @Test
    void parse_zeroPaddedNumbers_accepted() {
        CronExpression padded = CronExpression.quartz("00 000 0012 00000001 00000001 ? 0002025");
        CronExpression plain = CronExpression.quartz("0 0 12 1 1 ? 2025");
        LocalDateTime from = LocalDateTime.parse("2024-06-01T00:00");
        assertThat(padded.nextLocal(from)).isEqualTo(plain.nextLocal(from)).contains(LocalDateTime.parse("2025-01-01T12:00"));
        assertThat(CronExpression.unix("*/005 00 * * 0007").nextLocal(from)).contains(LocalDateTime.parse("2024-06-02T00:00"));
        assertThat(CronExpression.quartz("0 0 0 L-003 * ?").nextLocal(from)).contains(LocalDateTime.parse("2024-06-27T00:00"));
    }

    @Test
    void overlapDefault_hourListWithAStep_firesTheFixedHourOnce() {
        CronSchedule s = CronSchedule.of("0 0 0/2,1 * * ?", CronDialect.QUARTZ, ZoneId.of("America/New_York"));
        assertThat(s.overlapPolicy()).isEqualTo(DstOverlapPolicy.FIRST_OCCURRENCE);
        assertThat(s.expression().measuresElapsedHours()).isFalse();
        // 2025-11-02: 01:00-01:59 happens twice in New York.
        List<String> out = new ArrayList<>();
        Instant t = OffsetDateTime.parse("2025-11-01T23:30-04:00").toInstant();
        for (int i = 0; i < 4; i++) {
            t = s.next(t).orElseThrow();
            out.add(OffsetDateTime.ofInstant(t, s.zone()).toString());
        }
        assertThat(out).containsExactly("2025-11-02T00:00-04:00", "2025-11-02T01:00-04:00", "2025-11-02T02:00-05:00",
                "2025-11-02T04:00-05:00");
        assertThat(CronExpression.quartz("0 0 8-18/2 * * ?").measuresElapsedHours()).isTrue();
        assertThat(CronExpression.quartz("0 0 1,*/2 * * ?").measuresElapsedHours()).isFalse();
    }

    @Test
    void overlapDefault_canStillBeSetToBoth() {
        CronSchedule s = CronSchedule.builder(CronExpression.quartz("0 0 0/2,1 * * ?"), ZoneId.of("America/New_York"))
                .overlapPolicy(DstOverlapPolicy.BOTH).build();
        assertThat(s.next(OffsetDateTime.parse("2025-11-02T01:00-04:00").toInstant()).map(Instant::toString))
                .contains("2025-11-02T06:00:00Z");
        assertThatCode(s::toString).doesNotThrowAnyException();
    }
}
