package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunPage;
import dev.supervisor.api.RunQuery;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * Listing runs: without a store from the engine's own active and retained runs, with one from the store. Attempts
 * are handed to an executor the test drives, so which runs are still running is up to the test.
 */
class SupervisorRunsTest {
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final Queue<Runnable> handedOver = new ArrayDeque<>();

    private Supervisor supervisor(SupervisorConfig.SupervisorConfigBuilder b) {
        return Supervisor.create(b.clock(clock).delayScheduler(clock).executor(handedOver::add)
                .handler(WORK, ctx -> "ok").build());
    }

    /** Lets every handed-over attempt finish, so that closing does not wait for runs the test left running. */
    private void finishAll() {
        while (!handedOver.isEmpty()) {
            handedOver.remove().run();
        }
    }

    private static List<String> ids(RunPage page) {
        return page.runs().stream().map(RunRecord::runId).toList();
    }

    /** Submits three runs a second apart and lets the first one finish. */
    private List<RunHandle> threeRuns(Supervisor sup) {
        WorkflowSpec build = WorkflowSpec.builder("build").task(task("compile")).build();
        WorkflowSpec deploy = WorkflowSpec.builder("deploy").task(task("ship")).build();
        RunHandle first = sup.submit(build, Map.of("n", 1));
        handedOver.remove().run();
        clock.advance(Duration.ofSeconds(1));
        RunHandle second = sup.submit(deploy);
        clock.advance(Duration.ofSeconds(1));
        RunHandle third = sup.submit(build);
        return List.of(first, second, third);
    }

    @Test
    void runs_withoutStore_listActiveAndRetainedFinishedRuns() {
        try (Supervisor sup = supervisor(SupervisorConfig.builder())) {
            List<RunHandle> runs = threeRuns(sup);
            RunPage all = sup.runs(RunQuery.all());
            assertThat(ids(all)).containsExactly(runs.get(2).runId(), runs.get(1).runId(), runs.get(0).runId());
            RunRecord finished = all.runs().get(2);
            assertThat(finished.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(finished.inputs()).containsEntry("n", 1);
            assertThat(finished.createdAt()).isEqualTo(clock.instant().minusSeconds(2));
            assertThat(finished.finishedAt()).isNotNull();

            assertThat(ids(sup.runs(RunQuery.builder().statuses(RunStatus.RUNNING).workflowId("build").build())))
                    .containsExactly(runs.get(2).runId());
            RunPage first = sup.runs(RunQuery.builder().limit(2).build());
            assertThat(ids(sup.runs(RunQuery.builder().limit(2).cursor(first.nextCursor()).build())))
                    .containsExactly(runs.get(0).runId());
            finishAll();
        }
    }

    @Test
    void runs_withoutStore_forgetFinishedRunsBeyondTheRetainedCount() {
        try (Supervisor sup = supervisor(SupervisorConfig.builder().retainedFinishedRuns(0))) {
            List<RunHandle> runs = threeRuns(sup);
            assertThat(ids(sup.runs(RunQuery.all()))).containsExactly(runs.get(2).runId(), runs.get(1).runId());
            finishAll();
        }
    }

    @Test
    void runs_withStore_answerFromTheStore_includingRunsThisSupervisorNeverDrove() {
        var store = RunStores.inMemory(100, clock);
        try (Supervisor other = supervisor(SupervisorConfig.builder().runStore(store).nodeId("other"));
             Supervisor sup = supervisor(SupervisorConfig.builder().runStore(store).nodeId("this"))) {
            RunHandle elsewhere = other.submit(WorkflowSpec.builder("deploy").task(task("ship")).build());
            clock.advance(Duration.ofSeconds(1));
            RunHandle here = sup.submit(WorkflowSpec.builder("build").task(task("compile")).build());
            assertThat(ids(sup.runs(RunQuery.all()))).containsExactly(here.runId(), elsewhere.runId());
            assertThat(sup.runs(RunQuery.builder().workflowId("deploy").build()).runs()).singleElement()
                    .extracting(RunRecord::status).isEqualTo(RunStatus.RUNNING);
            finishAll();
        }
    }
}
