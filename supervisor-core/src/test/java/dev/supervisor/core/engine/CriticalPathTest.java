package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.done;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import dev.supervisor.api.Priority;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The actual critical path: the chain of tasks that ran and determined when the run ended — from the last task to
 * complete an attempt back through what each task waited for. Time stands still (every task ends at the same
 * instant), so only the order of events can decide; attempts run in the order the engine starts them.
 */
class CriticalPathTest {
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final Deque<Runnable> handedOver = new ArrayDeque<>();

    private Supervisor supervisor(TaskHandler handler) {
        return Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(handedOver::add).handler(WORK, handler).build());
    }

    /** Runs handed-over attempts, oldest first (each may run the next one it starts on the same thread). */
    private void drain() {
        while (!handedOver.isEmpty()) {
            handedOver.poll().run();
        }
    }

    @Test
    void continueRun_cleanupAfterTwoBranches_followsTheBranchItWaitedFor() {
        List<String> order = new ArrayList<>();
        Supervisor sup = supervisor(ctx -> order.add(ctx.task().id()));
        // enrich starts first (higher priority) and ends first; cleanup waits for upload, listed before enrich.
        RunHandle run = sup.submit(WorkflowSpec.builder("etl").failureStrategy(FailureStrategy.CONTINUE)
                .task(task("extract")).task(task("upload", "extract"))
                .task(task("enrich", "extract").priority(Priority.HIGH))
                .task(task("cleanup", "upload", "enrich").triggerRule(TriggerRule.ALL_DONE)).build());
        drain();

        assertThat(order).containsExactly("extract", "enrich", "upload", "cleanup");
        assertThat(done(run).criticalPath()).containsExactly("extract", "upload", "cleanup");
    }

    @Test
    void continueRun_skippedUpstream_isNotOnThePath() {
        Supervisor sup = supervisor(ctx -> null);
        RunHandle run = sup.submit(WorkflowSpec.builder("etl").failureStrategy(FailureStrategy.CONTINUE)
                .task(task("extract")).task(task("upload", "extract").condition("false"))
                .task(task("enrich", "extract"))
                .task(task("cleanup", "upload", "enrich").triggerRule(TriggerRule.ALL_DONE)).build());
        drain();

        RunOutcome out = done(run);
        assertThat(out.task("upload").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(out.criticalPath()).containsExactly("extract", "enrich", "cleanup");
    }

    @Test
    void failFastRun_endsWithTheFailingTask_notTheOneCancelledAfterIt() {
        Supervisor sup = supervisor(ctx -> {
            if (ctx.task().id().equals("lint")) {
                throw new IllegalStateException("lint broke");
            }
            return null;
        });
        RunHandle run = sup.submit(WorkflowSpec.builder("ci").failureStrategy(FailureStrategy.FAIL_FAST)
                .task(task("checkout")).task(task("lint", "checkout")).task(task("tests", "checkout"))
                .task(task("report", "lint", "tests")).build());
        drain(); // lint fails while tests waits to run: the run fails fast and tests ends CANCELLED after lint

        RunOutcome out = done(run);
        assertThat(out.tasks()).extractingByKey("tests").extracting("state").isEqualTo(TaskState.CANCELLED);
        assertThat(out.criticalPath()).containsExactly("checkout", "lint");
        assertThat(out.task("tests").reason()).isEqualTo("cancelled");
        assertThat(out.task("lint").error()).contains("lint broke");
    }

    @Test
    void noTaskRan_pathIsEmpty() {
        Supervisor sup = supervisor(ctx -> null);
        RunOutcome out = done(sup.submit(WorkflowSpec.builder("w").task(task("a").condition("false")).build(),
                Map.of()));
        assertThat(out.criticalPath()).isEmpty();
    }
}
