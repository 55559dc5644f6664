package dev.supervisor.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Teardown tasks: clean-up that still runs after the run failed fast or was cancelled, once its trigger rule lets
 * it — and the run's end stays what the stop decided.
 */
class TeardownTest {
    private static final TaskType T = TaskType.of("t");
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final Queue<Runnable> handedOver = new ArrayDeque<>();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private static TaskSpec.Builder task(String id, String... deps) {
        return TaskSpec.builder(id, T).dependsOn(deps);
    }

    /** provision → {build (fails), test (slow)} → deploy; cleanup (teardown, all_done) after build and test. */
    private static WorkflowSpec pipeline() {
        return WorkflowSpec.builder("pipeline").failureStrategy(FailureStrategy.FAIL_FAST)
                .task(task("provision")).task(task("build", "provision")).task(task("test", "provision"))
                .task(task("deploy", "build", "test"))
                .task(task("cleanup", "build", "test").triggerRule(TriggerRule.ALL_DONE).teardown(true)).build();
    }

    private Supervisor local() {
        return Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(handedOver::add).handler(T, ctx -> {
                    ran.add(ctx.task().id());
                    if (ctx.task().id().equals("build")) {
                        throw new IllegalStateException("compile error");
                    }
                    return null;
                }).build());
    }

    private void drain() {
        while (!handedOver.isEmpty()) {
            handedOver.remove().run();
        }
    }

    @Test
    void failFast_skipsWhatHasNotStarted_butTheTeardownRunsOnceItsUpstreamIsDone() {
        RunHandle run = local().submit(pipeline());
        drain();

        RunOutcome out = run.outcome().join();
        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
        assertThat(out.task("build").state()).isEqualTo(TaskState.FAILED);
        assertThat(out.task("deploy").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(out.task("cleanup").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(ran).endsWith("cleanup");
    }

    @Test
    void cancel_teardownStillRuns_andTheRunEndsCancelled() {
        Supervisor sup = local();
        RunHandle run = sup.submit(WorkflowSpec.builder("w").task(task("work"))
                .task(task("cleanup", "work").triggerRule(TriggerRule.ALL_DONE).teardown(true)).build());
        assertThat(run.cancel()).isTrue();
        drain();

        RunOutcome out = run.outcome().join();
        assertThat(out.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(out.task("work").state()).isEqualTo(TaskState.CANCELLED);
        assertThat(out.task("cleanup").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(ran).containsExactly("cleanup");
    }

    @Test
    void failFast_inClusterMode_teardownIsStillClaimedAndRuns() throws Exception {
        var store = RunStores.inMemory(100, clock);
        CountDownLatch testRunning = new CountDownLatch(1);
        CountDownLatch releaseTest = new CountDownLatch(1);
        List<Supervisor> nodes = new CopyOnWriteArrayList<>();
        for (String id : List.of("a", "b")) {
            nodes.add(Supervisor.create(SupervisorConfig.builder().runStore(store).clock(clock).delayScheduler(clock)
                    .cluster(ClusterConfig.builder().lease(Duration.ofHours(1)).pollInterval(Duration.ofMillis(2))
                            .build())
                    .nodeId(id).handler(T, ctx -> {
                        ran.add(ctx.task().id());
                        switch (ctx.task().id()) {
                            case "build" -> {
                                testRunning.await(); // fail while test is still running
                                throw new IllegalStateException("compile error");
                            }
                            case "test" -> {
                                testRunning.countDown();
                                releaseTest.await(30, TimeUnit.SECONDS);
                            }
                            default -> {
                            }
                        }
                        return null;
                    }).build()));
        }
        RunHandle run = nodes.get(0).submit(pipeline());
        while (!ran.contains("build") || nodes.get(0).run(run.runId()).orElseThrow().taskStates()
                .get("deploy") != TaskState.SKIPPED) {
            Thread.onSpinWait(); // until the fail-fast has skipped deploy (test still runs, held by the latch)
        }
        releaseTest.countDown();
        RunOutcome out = run.outcome().get(30, TimeUnit.SECONDS);
        nodes.forEach(Supervisor::close);

        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
        assertThat(out.task("deploy").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(out.task("cleanup").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(Collections.frequency(ran, "cleanup")).isEqualTo(1);
    }
}
