package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SupervisorConcurrencyTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** Tracks how many handlers run at once, overall and per key. */
    private static final class Gauge {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();

        void enter() {
            int n = now.incrementAndGet();
            max.accumulateAndGet(n, Math::max);
        }

        void exit() {
            now.decrementAndGet();
        }
    }

    @Test
    void caps_globalRunTypeAndTag_areNeverExceeded() {
        TaskType heavy = TaskType.of("heavy");
        Gauge all = new Gauge();
        Gauge heavyGauge = new Gauge();
        Gauge gpuGauge = new Gauge();
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(pool).maxConcurrency(5)
                .typeLimit(heavy, 2).tagLimit("gpu", 1)
                .handler(WORK, ctx -> {
                    all.enter();
                    boolean gpu = ctx.task().tags().contains("gpu");
                    if (gpu) {
                        gpuGauge.enter();
                    }
                    LockSupport.parkNanos(200_000);
                    if (gpu) {
                        gpuGauge.exit();
                    }
                    all.exit();
                    return null;
                })
                .handler(heavy, ctx -> {
                    all.enter();
                    heavyGauge.enter();
                    LockSupport.parkNanos(200_000);
                    heavyGauge.exit();
                    all.exit();
                    return null;
                }).build());
        WorkflowSpec.Builder b = WorkflowSpec.builder("caps");
        for (int i = 0; i < 200; i++) {
            TaskSpec.Builder t = i % 3 == 0 ? TaskSpec.builder("h" + i, heavy) : TaskSpec.builder("w" + i, WORK);
            if (i % 7 == 0) {
                t.tags("gpu");
            }
            b.task(t);
        }
        RunOutcome out = await(sup.submit(b.build()));

        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(all.max.get()).isBetween(2, 5);
        assertThat(heavyGauge.max.get()).isBetween(1, 2);
        assertThat(gpuGauge.max.get()).isEqualTo(1);
    }

    @Test
    void caps_perRunLimit_holdsAcrossConcurrentRuns() {
        Map<String, Gauge> perRun = new ConcurrentHashMap<>();
        Gauge all = new Gauge();
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(pool).maxConcurrency(8)
                .handler(WORK, ctx -> {
                    Gauge g = perRun.computeIfAbsent(ctx.runId(), k -> new Gauge());
                    g.enter();
                    all.enter();
                    LockSupport.parkNanos(100_000);
                    all.exit();
                    g.exit();
                    return null;
                }).build());
        List<dev.supervisor.api.RunHandle> runs = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            WorkflowSpec.Builder b = WorkflowSpec.builder("run" + r).maxConcurrency(2);
            for (int i = 0; i < 50; i++) {
                b.task(TaskSpec.builder("t" + i, WORK));
            }
            runs.add(sup.submit(b.build()));
        }
        runs.forEach(EngineTestSupport::await);
        assertThat(perRun.values()).allSatisfy(g -> assertThat(g.max.get()).isLessThanOrEqualTo(2));
        assertThat(all.max.get()).isLessThanOrEqualTo(8);
    }

    /**
     * Tasks wait behind overlapping caps (type, tag, per run) while others fail, dependents are settled without
     * running and one run is cancelled: a slot freed while its waiting task cannot start must pass to the next
     * waiting task, or a run would hang with a free slot and tasks waiting for it.
     */
    @Test
    void stress_overlappingCapsWithFailuresAndCancellation_everyRunEndsAndNoCapIsExceeded() {
        long seed = System.nanoTime();
        System.out.println("stress_overlappingCaps seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        TaskType heavy = TaskType.of("heavy");
        Map<String, Gauge> gauges = new ConcurrentHashMap<>();
        int heavyCap = 1 + rnd.nextInt(3);
        int gpuCap = 1 + rnd.nextInt(2);
        dev.supervisor.api.spi.TaskHandler handler = ctx -> {
            List<Gauge> held = new ArrayList<>();
            held.add(gauges.computeIfAbsent("run:" + ctx.runId(), k -> new Gauge()));
            held.add(gauges.computeIfAbsent("type:" + ctx.task().type().name(), k -> new Gauge()));
            if (ctx.task().tags().contains("gpu")) {
                held.add(gauges.computeIfAbsent("gpu", k -> new Gauge()));
            }
            held.forEach(Gauge::enter);
            LockSupport.parkNanos(20_000);
            held.forEach(Gauge::exit);
            if (ctx.task().id().hashCode() % 13 == 0) {
                throw new IllegalStateException("planned failure");
            }
            return null;
        };
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(pool).maxConcurrency(6)
                .typeLimit(heavy, heavyCap).tagLimit("gpu", gpuCap)
                .handler(WORK, handler).handler(heavy, handler).build());
        List<dev.supervisor.api.RunHandle> runs = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            WorkflowSpec.Builder b = WorkflowSpec.builder("capped" + r).maxConcurrency(2 + rnd.nextInt(3))
                    .failureStrategy(dev.supervisor.api.FailureStrategy.CONTINUE);
            for (int i = 0; i < 600; i++) {
                TaskSpec.Builder t = TaskSpec.builder("t" + i, rnd.nextInt(3) == 0 ? heavy : WORK);
                if (rnd.nextInt(4) == 0) {
                    t.tags("gpu");
                }
                if (i > 0 && rnd.nextBoolean()) {
                    t.dependsOn("t" + rnd.nextInt(i));
                }
                b.task(t);
            }
            runs.add(sup.submit(b.build()));
        }
        LockSupport.parkNanos(2_000_000);
        runs.get(1).cancel();

        List<RunOutcome> outs = runs.stream().map(EngineTestSupport::await).toList();

        assertThat(outs.get(0).status()).as("seed %d", seed).isEqualTo(RunStatus.FAILED);
        assertThat(outs.get(2).status()).as("seed %d", seed).isEqualTo(RunStatus.FAILED);
        assertThat(outs.get(1).status()).as("seed %d", seed).isIn(RunStatus.CANCELLED, RunStatus.FAILED);
        assertThat(gauges.get("type:heavy").max.get()).as("seed %d", seed).isLessThanOrEqualTo(heavyCap);
        assertThat(gauges.get("gpu").max.get()).as("seed %d", seed).isLessThanOrEqualTo(gpuCap);
        assertThat(gauges.entrySet()).filteredOn(e -> e.getKey().startsWith("run:")).allSatisfy(e ->
                assertThat(e.getValue().max.get()).as("seed %d %s", seed, e.getKey()).isLessThanOrEqualTo(4));
    }

    @Test
    void stress_seededRandomDag_everyTaskRunsOnceAfterAllItsDependencies() {
        long seed = System.nanoTime();
        System.out.println("stress_seededRandomDag seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 10_000;
        List<List<String>> deps = new ArrayList<>();
        WorkflowSpec.Builder b = WorkflowSpec.builder("random");
        for (int i = 0; i < n; i++) {
            List<String> d = new ArrayList<>();
            int k = i == 0 ? 0 : rnd.nextInt(Math.min(i, 4) + 1);
            for (int j = 0; j < k; j++) {
                d.add("t" + rnd.nextInt(i));
            }
            deps.add(d);
            b.task(TaskSpec.builder("t" + i, WORK).dependsOn(d.toArray(new String[0])));
        }
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        Map<String, Long> finishedAt = new ConcurrentHashMap<>();
        AtomicInteger violations = new AtomicInteger();
        AtomicInteger tick = new AtomicInteger();
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(pool).maxConcurrency(8)
                .handler(WORK, ctx -> {
                    int i = Integer.parseInt(ctx.task().id().substring(1));
                    long startTick = tick.incrementAndGet();
                    for (String d : deps.get(i)) {
                        Long f = finishedAt.get(d);
                        if (f == null || f >= startTick) {
                            violations.incrementAndGet();
                        }
                    }
                    runs.merge(ctx.task().id(), 1, Integer::sum);
                    finishedAt.put(ctx.task().id(), (long) tick.incrementAndGet());
                    return null;
                }).build());

        RunOutcome out = await(sup.submit(b.build()));

        assertThat(out.status()).as("seed %d", seed).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs).as("seed %d", seed).hasSize(n);
        assertThat(runs.values()).as("seed %d", seed).containsOnly(1);
        assertThat(violations).as("seed %d", seed).hasValue(0);
    }
    /**
     * Workers that find the engine lock held queue their results for the holder instead of waiting. Here eight
     * workers finish short tasks while another thread keeps taking the lock for progress snapshots: every result
     * must still be recorded (a result queued as the holder lets go would otherwise strand the run).
     */
    @Test
    void completionsRacingTheLock_areAllRecorded_whileSnapshotsHoldIt() {
        int n = 20_000;
        WorkflowSpec.Builder b = WorkflowSpec.builder("wide");
        for (int i = 0; i < n; i++) {
            TaskSpec.Builder t = TaskSpec.builder("t" + i, WORK);
            if (i >= 100) {
                t.dependsOn("t" + (i - 100));
            }
            b.task(t);
        }
        AtomicInteger ran = new AtomicInteger();
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(pool).maxConcurrency(64)
                .handler(WORK, ctx -> ran.incrementAndGet()).build());
        for (int round = 0; round < 5; round++) {
            ran.set(0);
            dev.supervisor.api.RunHandle run = sup.submit(b.build());
            java.util.concurrent.CompletableFuture<Void> snapshots = java.util.concurrent.CompletableFuture.runAsync(
                    () -> {
                        while (!run.outcome().isDone()) {
                            run.progress();
                            run.status();
                        }
                    });

            RunOutcome out = await(run);
            snapshots.join();

            assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(ran).hasValue(n);
            assertThat(run.progress().done()).isEqualTo(n);
        }
    }
}
