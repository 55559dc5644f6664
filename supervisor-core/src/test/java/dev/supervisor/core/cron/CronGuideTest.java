package dev.supervisor.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.jdbc.Databases;
import dev.supervisor.core.jdbc.JdbcStores;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The code of docs/cron.md: every snippet there is a tagged region of this file, and runs here. */
class CronGuideTest {

    @Test
    void parse_next_describe() {
        // tag::parse[]
        CronExpression weekdays = CronExpression.quartz("0 0 12 ? * MON-FRI");
        CronSchedule noon = weekdays.in(ZoneId.of("Europe/Berlin"));
        Optional<Instant> next = noon.next(Instant.parse("2025-06-06T12:00:00Z")); // a Friday, 14:00 in Berlin
        String sentence = weekdays.describe();
        // end::parse[]
        assertThat(next).contains(Instant.parse("2025-06-09T10:00:00Z"));
        assertThat(sentence).isEqualTo("at 12:00, on Monday to Friday");
    }

    @Test
    void threeDialects_sameSchedule() {
        // tag::dialects[]
        CronExpression unix = CronExpression.unix("*/15 9-17 * * 1-5");          // minute hour dom month dow
        CronExpression quartz = CronExpression.quartz("0 0/15 9-17 ? * MON-FRI"); // seconds first, '?' in one day
        CronExpression spring = CronExpression.spring("0 */15 9-17 * * MON-FRI"); // seconds first, like @Scheduled
        // end::dialects[]
        LocalDateTime t = LocalDateTime.parse("2025-06-06T16:50");
        for (int i = 0; i < 50; i++) {
            LocalDateTime n = unix.nextLocal(t).orElseThrow();
            assertThat(quartz.nextLocal(t)).contains(n);
            assertThat(spring.nextLocal(t)).contains(n);
            t = n;
        }
        assertThat(unix.describe()).isEqualTo(quartz.describe()).isEqualTo(spring.describe())
                .isEqualTo("every 15 minutes, in hours 9 to 17, on Monday to Friday");
    }

    @Test
    void parseErrors_nameFieldPositionReason() {
        // tag::errors[]
        try {
            CronExpression.quartz("0 0 12 32 * ?");
        } catch (CronParseException e) {
            System.out.println(e.getMessage());
            // day-of-month at position 7: 32 is out of range: day-of-month takes 1-31 in "0 0 12 32 * ?"
        }
        // end::errors[]
        CronParseException e = catchThrowableOfType(CronParseException.class,
                () -> CronExpression.quartz("0 0 12 32 * ?"));
        assertThat(e.getMessage())
                .isEqualTo("day-of-month at position 7: 32 is out of range: day-of-month takes 1-31 in \"0 0 12 32 * ?\"");
    }

    @Test
    void daylightSavingPolicies() {
        // tag::dst[]
        CronSchedule nightly = CronSchedule.builder(CronExpression.quartz("0 30 2 * * ?"), ZoneId.of("Europe/Berlin"))
                .gapPolicy(DstGapPolicy.SKIP)                    // default SHIFT_FORWARD
                .overlapPolicy(DstOverlapPolicy.LAST_OCCURRENCE) // default FIRST_OCCURRENCE for fixed hours
                .build();
        CronFire fire = nightly.nextFire(Instant.parse("2025-10-25T12:00:00Z")).orElseThrow();
        // fire.zoned(): 2025-10-26T02:30+01:00[Europe/Berlin], the second pass of the repeated hour
        // fire.adjustment(): OVERLAP_SECOND_PASS; fire.tzdbVersion(): the tz database version used, e.g. 2025b
        // end::dst[]
        assertThat(fire.zoned().toOffsetDateTime().toString()).isEqualTo("2025-10-26T02:30+01:00");
        assertThat(fire.adjustment()).isEqualTo(CronFire.Adjustment.OVERLAP_SECOND_PASS);
        assertThat(nightly.next(Instant.parse("2025-03-29T12:00:00Z")))
                .contains(Instant.parse("2025-03-31T00:30:00Z")); // 30 March 02:30 does not exist: skipped
    }

    @Test
    void scheduler_startsAWorkflowPerFire() {
        TaskType report = TaskType.of("report");
        Supervisor supervisor = Supervisor.create(SupervisorConfig.builder().handler(report, ctx -> null).build());
        // tag::scheduler[]
        WorkflowSpec nightlyReport = WorkflowSpec.builder("nightly-report")
                .task(TaskSpec.builder("render", report))
                .build();
        CronScheduler cron = CronScheduler.create(CronSchedulerConfig.defaults());
        cron.add(ScheduleSpec.builder("nightly-report",
                        CronSchedule.of("0 30 2 * * ?", CronDialect.QUARTZ, ZoneId.of("Europe/Berlin")),
                        ScheduleTarget.workflow(supervisor, nightlyReport))
                .build());
        List<Instant> upcoming = cron.preview("nightly-report", 3);
        // ... each fire submits one run, with inputs scheduledAt and scheduleId; when the application stops:
        cron.close();
        // end::scheduler[]
        assertThat(upcoming).hasSize(3).allSatisfy(i -> assertThat(i.atZone(ZoneId.of("Europe/Berlin")).getHour())
                .isIn(2, 3));
        supervisor.close();
    }

    @Test
    void policies() {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        ScheduleTarget target = ScheduleTarget.of(f -> { });
        CronSchedule every15 = CronSchedule.of("0 0/15 * * * ?", CronDialect.QUARTZ, ZoneId.of("UTC"));
        // tag::policies[]
        ScheduleSpec spec = ScheduleSpec.builder("sync-prices", every15, target)
                .misfirePolicy(MisfirePolicy.fireWithin(Duration.ofHours(1))) // after downtime: missed fires of the last hour
                .misfireThreshold(Duration.ofSeconds(30))  // later than this counts as missed
                .overlapPolicy(OverlapPolicy.BUFFER_ONE)   // due while the last one runs: keep one waiting
                .startAt(Instant.parse("2026-01-01T06:00:00Z"))
                .endAt(Instant.parse("2026-12-31T23:59:59Z"))
                .jitter(Duration.ofSeconds(20))            // spread load; the same delay on every node
                .build();
        // end::policies[]
        try (CronScheduler cron = CronScheduler.create(CronSchedulerConfig.builder().clock(clock).timer(clock).build())) {
            assertThat(cron.add(spec).nextFire()).isEqualTo(Instant.parse("2026-01-01T06:00:00Z"));
        }
    }

    @Test
    void testing_withAManualClock() {
        // tag::testing[]
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        List<ScheduledFire> fires = new ArrayList<>();
        CronScheduler cron = CronScheduler.create(CronSchedulerConfig.builder()
                .clock(clock).timer(clock) // time moves only when the test says so
                .build());
        cron.add(ScheduleSpec.builder("hourly", CronSchedule.of("0 0 * * * ?", CronDialect.QUARTZ, ZoneId.of("UTC")),
                ScheduleTarget.of(fires::add)).build());
        clock.advance(Duration.ofHours(3)); // fires 01:00, 02:00 and 03:00 on this thread
        // end::testing[]
        assertThat(fires).extracting(ScheduledFire::scheduledAt).containsExactly(
                Instant.parse("2026-01-01T01:00:00Z"), Instant.parse("2026-01-01T02:00:00Z"),
                Instant.parse("2026-01-01T03:00:00Z"));
        cron.close();
    }

    @Test
    void stores_jdbc() {
        DataSource dataSource = Databases.h2();
        // tag::store[]
        ScheduleStore store = JdbcStores.scheduleStore(dataSource); // H2 or PostgreSQL; creates its table
        CronScheduler cron = CronScheduler.create(CronSchedulerConfig.builder().store(store).build());
        // end::store[]
        cron.close();
        assertThat(store.all()).isEmpty();
    }

    @Test
    void restart_missedFiresFollowTheMisfirePolicy() {
        ScheduleStore store = JdbcStores.scheduleStore(Databases.h2());
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        CronSchedulerConfig config = CronSchedulerConfig.builder().store(store).clock(clock).timer(clock).build();
        List<ScheduledFire> fires = new ArrayList<>();
        CronSchedule hourly = CronSchedule.of("0 0 * * * ?", CronDialect.QUARTZ, ZoneId.of("UTC"));
        try (CronScheduler first = CronScheduler.create(config)) {
            first.add(ScheduleSpec.builder("hourly", hourly, ScheduleTarget.of(fires::add)).build());
        }
        clock.advance(Duration.ofHours(3).plusMinutes(10)); // down over three fire times
        try (CronScheduler second = CronScheduler.create(config)) {
            second.add(ScheduleSpec.builder("hourly", hourly, ScheduleTarget.of(fires::add)).build());
            second.runDue(); // what the timer does at once for a stored next fire in the past
        }
        assertThat(fires).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(ScheduledFire.Kind.MISFIRE);
            assertThat(f.scheduledAt()).isEqualTo(Instant.parse("2026-01-01T03:00:00Z"));
        });
    }
}
