package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.done;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.Priority;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * Tasks waiting behind full caps, on an executor the test drives by hand: each handed-over attempt runs only when
 * the test says so, so "still running" is a state the test controls.
 */
class SupervisorCapsTest {
    private static final TaskType X = TaskType.of("x");
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final List<String> order = new ArrayList<>();
    private final Queue<Runnable> handedOver = new ArrayDeque<>();

    private Supervisor supervisor(SupervisorConfig.SupervisorConfigBuilder b) {
        return Supervisor.create(b.clock(clock).delayScheduler(clock).executor(handedOver::add)
                .maxConcurrency(100).handler(WORK, ctx -> order.add(ctx.task().id()))
                .handler(X, ctx -> order.add(ctx.task().id())).build());
    }

    /** Runs the next handed-over attempt (and whatever its worker picks up next on the same thread). */
    private void runNext() {
        handedOver.remove().run();
    }

    @Test
    void waitingTasks_startInPriorityOrder_includingOneThatArrivesLater() {
        Supervisor sup = supervisor(SupervisorConfig.builder().typeLimit(WORK, 1));
        WorkflowSpec wf = WorkflowSpec.builder("capped")
                .task(task("first").priority(Priority.CRITICAL))
                .task(task("low").priority(Priority.LOW))
                .task(task("normal"))
                .task(task("high").priority(Priority.HIGH))
                .task(task("later", "first").priority(Priority.URGENT)) // ready only once "first" is done
                .build();
        RunHandle run = sup.submit(wf);
        while (!handedOver.isEmpty()) {
            runNext();
        }

        assertThat(done(run).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(order).containsExactly("first", "later", "high", "normal", "low");
    }

    @Test
    void slotFreed_whileTheFirstWaitingTaskIsBlockedByAnotherCap_goesToTheNextWaitingTask() {
        Supervisor sup = supervisor(SupervisorConfig.builder().typeLimit(X, 1).tagLimit("g", 1));
        WorkflowSpec wf = WorkflowSpec.builder("two caps")
                .task(xTask("x-running").priority(Priority.CRITICAL))
                .task(task("g-running").tags("g").priority(Priority.CRITICAL))
                .task(xTask("x-and-g").tags("g").priority(Priority.HIGH))
                .task(xTask("x-only").priority(Priority.LOW))
                .build();
        RunHandle run = sup.submit(wf);
        assertThat(handedOver).hasSize(2); // x-running and g-running; the other two wait behind the x cap

        runNext(); // x-running ends: x-and-g is first in line but "g" is full, so x-only takes the x slot
        assertThat(order).containsExactly("x-running", "x-only");

        runNext(); // g-running ends: x-and-g can start now
        assertThat(order).containsExactly("x-running", "x-only", "g-running", "x-and-g");
        assertThat(done(run).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void slotFreed_whileTheFirstWaitingTaskWasCancelled_goesToTheNextWaitingTask() {
        Supervisor sup = supervisor(SupervisorConfig.builder().typeLimit(X, 1));
        RunHandle a = sup.submit(WorkflowSpec.builder("a").task(xTask("a-running").priority(Priority.CRITICAL))
                .task(xTask("a-waiting").priority(Priority.LOW)).build());
        RunHandle b = sup.submit(WorkflowSpec.builder("b").task(xTask("b-waiting").priority(Priority.HIGH))
                .build());
        b.cancel(); // b-waiting is first in line behind the cap, and no longer ready

        runNext(); // a-running ends
        while (!handedOver.isEmpty()) {
            runNext();
        }

        RunOutcome out = done(a);
        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(order).containsExactly("a-running", "a-waiting");
        assertThat(done(b).status()).isEqualTo(RunStatus.CANCELLED);
    }

    private static TaskSpec.Builder xTask(String id) {
        return TaskSpec.builder(id, X);
    }
}
