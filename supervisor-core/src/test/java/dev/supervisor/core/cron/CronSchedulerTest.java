package dev.supervisor.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scheduler runtime on a manual clock: no sleeping, every scenario deterministic. */
class CronSchedulerTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final List<ScheduledFire> fires = Collections.synchronizedList(new ArrayList<>());

    private static CronScheduler scheduler(ManualClock clock, ScheduleStore store) {
        return CronScheduler.create(CronSchedulerConfig.builder().clock(clock).timer(clock).store(store).build());
    }

    private ScheduleSpec.Builder spec(String id, String cron, ZoneId zone) {
        return ScheduleSpec.builder(id, CronSchedule.of(cron, CronDialect.QUARTZ, zone), ScheduleTarget.of(fires::add));
    }

    private List<String> firedAt(ZoneId zone) {
        List<String> out = new ArrayList<>();
        for (ScheduledFire f : fires) {
            out.add(OffsetDateTime.ofInstant(f.scheduledAt(), zone) + " " + f.kind());
        }
        return out;
    }

    @Test
    void add_firesEachInstantAtItsTime_acrossSpringForward() {
        ManualClock clock = ManualClock.at("2025-03-29T00:00:00Z");
        CronScheduler cron = scheduler(clock, ScheduleStores.inMemory());
        cron.add(spec("nightly", "0 30 2 * * ?", BERLIN).build());
        clock.advance(Duration.ofDays(3));
        assertThat(firedAt(BERLIN)).containsExactly("2025-03-29T02:30+01:00 ON_TIME", "2025-03-30T03:30+02:00 ON_TIME",
                "2025-03-31T02:30+02:00 ON_TIME");
        assertThat(fires).allSatisfy(f -> assertThat(f.firedAt()).isEqualTo(f.scheduledAt()));
        assertThat(fires.get(0).tzdbVersion()).matches("\\d{4}[a-z]");
    }

    @Test
    void add_subHourlyAcrossFallBack_firesBothPasses() {
        ManualClock clock = ManualClock.at("2025-10-25T23:30:00Z");
        CronScheduler cron = scheduler(clock, ScheduleStores.inMemory());
        cron.add(spec("half-hourly", "0 0/30 * * * ?", BERLIN).build());
        clock.advance(Duration.ofHours(2));
        assertThat(firedAt(BERLIN)).containsExactly("2025-10-26T02:00+02:00 ON_TIME", "2025-10-26T02:30+02:00 ON_TIME",
                "2025-10-26T02:00+01:00 ON_TIME", "2025-10-26T02:30+01:00 ON_TIME");
    }

    private List<ScheduledFire> restartAfterDowntime(MisfirePolicy policy) {
        ScheduleStore store = ScheduleStores.inMemory();
        ManualClock clock = ManualClock.at("2026-01-01T00:00:30Z");
        CronScheduler first = scheduler(clock, store);
        first.add(spec("hourly", "0 0 * * * ?", ZoneOffset.UTC).misfirePolicy(policy).build());
        clock.advance(Duration.ofHours(1));
        first.close();
        fires.clear();
        clock.advance(Duration.ofHours(5).plusMinutes(10)); // down: 02:00 … 06:00 were missed
        CronScheduler second = scheduler(clock, store);
        second.add(spec("hourly", "0 0 * * * ?", ZoneOffset.UTC).misfirePolicy(policy).build());
        clock.advance(Duration.ZERO);
        List<ScheduledFire> out = new ArrayList<>(fires);
        clock.advance(Duration.ofHours(1));
        assertThat(fires.get(fires.size() - 1).scheduledAt()).isEqualTo(Instant.parse("2026-01-01T07:00:00Z"));
        return out;
    }

    @Test
    void restart_fireOnceNow_firesOnceForAllMissed() {
        List<ScheduledFire> out = restartAfterDowntime(MisfirePolicy.fireOnceNow());
        assertThat(out).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(ScheduledFire.Kind.MISFIRE);
            assertThat(f.scheduledAt()).isEqualTo(Instant.parse("2026-01-01T06:00:00Z"));
            assertThat(f.firedAt()).isEqualTo(Instant.parse("2026-01-01T06:10:30Z"));
        });
    }

    @Test
    void restart_skipToNext_firesNothingUntilNext() {
        assertThat(restartAfterDowntime(MisfirePolicy.skipToNext())).isEmpty();
    }

    @Test
    void restart_fireAllMissed_firesMostRecentUpToBurst() {
        assertThat(restartAfterDowntime(MisfirePolicy.fireAllMissed(3))).extracting(ScheduledFire::scheduledAt)
                .containsExactly(Instant.parse("2026-01-01T04:00:00Z"), Instant.parse("2026-01-01T05:00:00Z"),
                        Instant.parse("2026-01-01T06:00:00Z"));
    }

    @Test
    void restart_fireWithin_firesOnlyInsideWindow() {
        assertThat(restartAfterDowntime(MisfirePolicy.fireWithin(Duration.ofMinutes(150))))
                .extracting(ScheduledFire::scheduledAt)
                .containsExactly(Instant.parse("2026-01-01T04:00:00Z"), Instant.parse("2026-01-01T05:00:00Z"),
                        Instant.parse("2026-01-01T06:00:00Z"));
    }

    @Test
    void lateWithinThreshold_isNotAMisfire() {
        ScheduleStore store = ScheduleStores.inMemory();
        ManualClock clock = ManualClock.at("2026-01-01T00:00:30Z");
        scheduler(clock, store).add(spec("hourly", "0 0 * * * ?", ZoneOffset.UTC)
                .misfirePolicy(MisfirePolicy.skipToNext()).build()).id();
        ManualClock later = ManualClock.at("2026-01-01T01:00:45Z");
        CronScheduler cron = scheduler(later, store);
        cron.add(spec("hourly", "0 0 * * * ?", ZoneOffset.UTC).misfirePolicy(MisfirePolicy.skipToNext()).build());
        cron.runDue();
        assertThat(fires).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(ScheduledFire.Kind.ON_TIME));
    }

    @Test
    void endDate_completesAndNeverFiresAgain_evenAfterRestart() {
        ScheduleStore store = ScheduleStores.inMemory();
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        CronScheduler cron = scheduler(clock, store);
        ScheduleSpec s = spec("short", "0 0 * * * ?", ZoneOffset.UTC).endAt(Instant.parse("2026-01-01T02:30:00Z"))
                .build();
        cron.add(s);
        clock.advance(Duration.ofHours(6));
        assertThat(fires).hasSize(2);
        assertThat(cron.info("short").orElseThrow().completed()).isTrue();
        cron.close();
        CronScheduler again = scheduler(clock, store);
        again.add(s);
        clock.advance(Duration.ofHours(6));
        again.runDue();
        assertThat(fires).hasSize(2);
    }

    @Test
    void startDate_noFireBefore() {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        CronScheduler cron = scheduler(clock, ScheduleStores.inMemory());
        cron.add(spec("later", "0 0 * * * ?", ZoneOffset.UTC).startAt(Instant.parse("2026-01-01T03:00:00Z")).build());
        assertThat(cron.preview("later", 2)).containsExactly(Instant.parse("2026-01-01T03:00:00Z"),
                Instant.parse("2026-01-01T04:00:00Z"));
        clock.advance(Duration.ofHours(4));
        assertThat(fires).extracting(ScheduledFire::scheduledAt).containsExactly(Instant.parse("2026-01-01T03:00:00Z"),
                Instant.parse("2026-01-01T04:00:00Z"));
    }

    @Test
    void pauseAndResume_noBurstOnResume() {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:30Z");
        CronScheduler cron = scheduler(clock, ScheduleStores.inMemory());
        cron.add(spec("m", "0 * * * * ?", ZoneOffset.UTC).misfirePolicy(MisfirePolicy.fireAllMissed(100)).build());
        clock.advance(Duration.ofMinutes(2));
        cron.pause("m");
        assertThat(cron.info("m").orElseThrow().paused()).isTrue();
        clock.advance(Duration.ofMinutes(30));
        cron.resume("m");
        clock.advance(Duration.ofSeconds(45));
        assertThat(fires).extracting(ScheduledFire::scheduledAt).containsExactly(
                Instant.parse("2026-01-01T00:01:00Z"), Instant.parse("2026-01-01T00:02:00Z"),
                Instant.parse("2026-01-01T00:33:00Z"));
    }

    @Test
    void overlapSkip_dropsFiresWhileRunning() {
        assertThat(overlap(OverlapPolicy.SKIP)).isEqualTo("started=1 skipped=2 buffered=0");
    }

    @Test
    void overlapBufferOne_keepsOneAndStartsItAfterwards() {
        assertThat(overlap(OverlapPolicy.BUFFER_ONE)).isEqualTo("started=2 skipped=1 buffered=0");
    }

    @Test
    void overlapBufferAll_startsEveryFireInTurn() {
        assertThat(overlap(OverlapPolicy.BUFFER_ALL)).isEqualTo("started=3 skipped=0 buffered=0");
    }

    @Test
    void overlapCancelRunning_cancelsAndStarts() {
        assertThat(overlap(OverlapPolicy.CANCEL_RUNNING)).isEqualTo("started=3 skipped=0 buffered=0");
        assertThat(cancelled.get()).isEqualTo(2);
    }

    @Test
    void overlapAllow_runsSideBySide() {
        assertThat(overlap(OverlapPolicy.ALLOW)).isEqualTo("started=3 skipped=0 buffered=0");
        assertThat(maxRunning.get()).isEqualTo(3);
    }

    private final AtomicInteger cancelled = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();

    /** Three fires while work never ends on its own, then all work is released one by one. */
    private String overlap(OverlapPolicy policy) {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:30Z");
        List<CompletableFuture<Void>> work = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        ScheduleTarget target = fire -> {
            CompletableFuture<Void> f = new CompletableFuture<>();
            work.add(f);
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            f.whenComplete((v, t) -> running.decrementAndGet());
            return new FireExecution() {
                @Override
                public CompletableFuture<Void> completion() {
                    return f;
                }

                @Override
                public void cancel() {
                    cancelled.incrementAndGet();
                    f.cancel(false);
                }
            };
        };
        CronScheduler cron = scheduler(clock, ScheduleStores.inMemory());
        cron.add(ScheduleSpec.builder("o", CronSchedule.of("0 * * * * ?", CronDialect.QUARTZ, ZoneOffset.UTC), target)
                .overlapPolicy(policy).build());
        clock.advance(Duration.ofMinutes(3));
        for (int i = 0; i < 5; i++) {
            List<CompletableFuture<Void>> snapshot = new ArrayList<>(work);
            snapshot.forEach(f -> f.complete(null));
        }
        ScheduleInfo info = cron.info("o").orElseThrow();
        return "started=" + info.fired() + " skipped=" + info.skippedOverlap() + " buffered=" + info.buffered();
    }

    @Test
    void trigger_firesNowWithoutMovingSchedule() {
        ManualClock clock = ManualClock.at("2026-01-01T00:10:00Z");
        CronScheduler cron = scheduler(clock, ScheduleStores.inMemory());
        cron.add(spec("h", "0 0 * * * ?", ZoneOffset.UTC).build());
        ScheduledFire f = cron.trigger("h");
        assertThat(f.kind()).isEqualTo(ScheduledFire.Kind.MANUAL);
        assertThat(fires).containsExactly(f);
        assertThat(cron.info("h").orElseThrow().nextFire()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
        assertThatThrownBy(() -> cron.trigger("nope")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void sharedStore_twoNodesFireEachInstantOnce() {
        ScheduleStore store = ScheduleStores.inMemory();
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        CronScheduler a = scheduler(clock, store);
        CronScheduler b = scheduler(clock, store);
        a.add(spec("shared", "0 0/5 * * * ?", ZoneOffset.UTC).build());
        b.add(spec("shared", "0 0/5 * * * ?", ZoneOffset.UTC).build());
        clock.advance(Duration.ofHours(1));
        assertThat(fires).extracting(ScheduledFire::scheduledAt).doesNotHaveDuplicates().hasSize(12);
    }

    @Test
    void jitter_isDeterministicAndBounded() {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        CronScheduler cron = scheduler(clock, ScheduleStores.inMemory());
        cron.add(spec("j", "0 0 * * * ?", ZoneOffset.UTC).jitter(Duration.ofMinutes(10)).build());
        List<Duration> delays = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            clock.advance(Duration.ofHours(1));
        }
        clock.advance(Duration.ofMinutes(10));
        for (ScheduledFire f : fires) {
            delays.add(Duration.between(f.scheduledAt(), f.firedAt()));
        }
        assertThat(fires).hasSize(24).allSatisfy(f -> assertThat(f.kind()).isEqualTo(ScheduledFire.Kind.ON_TIME));
        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofMinutes(10)));
        assertThat(delays.stream().distinct().count()).isGreaterThan(5);
    }

    @Test
    void add_duplicateId_rejected() {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        CronScheduler cron = scheduler(clock, ScheduleStores.inMemory());
        cron.add(spec("x", "0 0 * * * ?", ZoneOffset.UTC).build());
        assertThatThrownBy(() -> cron.add(spec("x", "0 0 * * * ?", ZoneOffset.UTC).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> spec("", "0 0 * * * ?", ZoneOffset.UTC)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec("y", "0 0 * * * ?", ZoneOffset.UTC).startAt(Instant.parse("2026-02-01T00:00:00Z"))
                .endAt(Instant.parse("2026-01-01T00:00:00Z")).build()).hasMessageContaining("endAt");
    }

    @Test
    void throwingTarget_isCountedAndScheduleContinues() {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        CronScheduler cron = scheduler(clock, ScheduleStores.inMemory());
        cron.add(ScheduleSpec.builder("bad", CronSchedule.of("0 0 * * * ?", CronDialect.QUARTZ, ZoneOffset.UTC),
                fire -> {
                    throw new IllegalStateException("cannot start");
                }).build());
        clock.advance(Duration.ofHours(3));
        ScheduleInfo info = cron.info("bad").orElseThrow();
        assertThat(info.failed()).isEqualTo(3);
        assertThat(info.nextFire()).isEqualTo(Instant.parse("2026-01-01T04:00:00Z"));
    }

    @Test
    void workflowTarget_submitsOneRunPerFire() {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        TaskType t = TaskType.of("echo");
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run)
                .handler(t, ctx -> {
                    seen.add(ctx.inputs().get("scheduledAt"));
                    return null;
                }).build());
        WorkflowSpec wf = WorkflowSpec.builder("tick").task(TaskSpec.builder("a", t)).build();
        List<ScheduledFire> handed = new ArrayList<>();
        ScheduleTarget submit = ScheduleTarget.workflow(sup, wf);
        CronScheduler cron = scheduler(clock, ScheduleStores.inMemory());
        cron.add(ScheduleSpec.builder("wf", CronSchedule.of("0 0 * * * ?", CronDialect.QUARTZ, ZoneOffset.UTC),
                fire -> {
            handed.add(fire);
            FireExecution e = submit.fire(fire);
            assertThat(e.completion().toCompletableFuture().join()).extracting("status").isEqualTo(RunStatus.SUCCEEDED);
            return e;
        }).build());
        clock.advance(Duration.ofHours(2));
        assertThat(seen).containsExactly("2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z");
        assertThat(handed).hasSize(2);
    }

    @Test
    void taskTarget_runsTheSingleTaskPerFire() {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        TaskType t = TaskType.of("single");
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run)
                .handler(t, ctx -> {
                    ran.add(ctx.task().id() + "@" + ctx.inputs().get("scheduledAt"));
                    return null;
                }).build());
        CronScheduler cron = scheduler(clock, ScheduleStores.inMemory());
        cron.add(ScheduleSpec.builder("one", CronSchedule.of("0 0 * * * ?", CronDialect.QUARTZ, ZoneOffset.UTC),
                ScheduleTarget.task(sup, TaskSpec.builder("cleanup", t).build())).build());
        clock.advance(Duration.ofHours(1));
        assertThat(ran).containsExactly("cleanup@2026-01-01T01:00:00Z");
    }
}
