package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.done;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Resume after a crash; subclasses run the same scenarios on the JDBC stores. */
public class SupervisorResumeTest {
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final RunStore store = createStore();

    /** @return the store the scenarios run on; called during construction, so it must not use instance fields */
    protected RunStore createStore() {
        return RunStores.inMemory();
    }
    private final Map<String, Integer> executions = new ConcurrentHashMap<>();

    private Supervisor node(TaskHandler handler) {
        return node(clock, handler);
    }

    /** A node on its own clock: once a test stops advancing that clock, the node is as good as crashed. */
    private Supervisor node(ManualClock nodeClock, TaskHandler handler) {
        return Supervisor.create(SupervisorConfig.builder().clock(nodeClock).delayScheduler(nodeClock)
                .executor(Runnable::run).runStore(store).handler(WORK, ctx -> {
                    executions.merge(ctx.task().id(), 1, Integer::sum);
                    return handler.execute(ctx);
                }).build());
    }

    private WorkflowSpec chain() {
        RetryPolicy hourly = RetryPolicy.builder().maxAttempts(3).backoff(Backoff.FIXED, Duration.ofHours(1)).build();
        return WorkflowSpec.builder("chain").task(task("a")).task(task("b", "a").retryPolicy(hourly))
                .task(task("c", "b")).build();
    }

    @Test
    void resume_afterCrashInRetryWait_finishesWithoutRerunningSucceededTasks() {
        RunHandle first = node(ManualClock.at("2026-01-01T00:00:00Z"), ctx -> {
            if (ctx.task().id().equals("b")) {
                throw new IOException("flaky");
            }
            return ctx.task().id();
        }).submit(chain());
        assertThat(first.taskStates()).containsEntry("a", TaskState.SUCCEEDED).containsEntry("b",
                TaskState.RETRY_WAIT);
        // The first node is gone; a new one picks the run up from the store.
        RunHandle resumed = node(ctx -> ctx.task().id()).resume(chain(), first.runId());
        clock.advance(Duration.ofHours(1));

        RunOutcome out = done(resumed);
        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(executions).containsEntry("a", 1).containsEntry("b", 2).containsEntry("c", 1);
        assertThat(out.task("b").attempts()).isEqualTo(2);
        assertThat(store.tasks(first.runId())).extracting(TaskRecord::state).containsOnly(TaskState.SUCCEEDED);
    }

    @Test
    void resume_taskLeftRunning_isRequeuedWithItsAttemptCountKept() {
        String runId = "crashed-run";
        Instant t0 = clock.instant();
        store.createRun(new RunRecord(runId, "chain", RunStatus.PENDING, Map.of(), t0, null, 0), chain(),
                List.of(TaskRecord.pending(runId, "a", 0), TaskRecord.pending(runId, "b", 1),
                        TaskRecord.pending(runId, "c", 2)));
        TaskRecord a = store.update(store.task(runId, "a").orElseThrow().to(TaskState.READY));
        a = store.update(a.claimed("dead-node", t0.plusSeconds(30), t0));
        store.update(a.finished(TaskState.SUCCEEDED, t0, "a", null));
        TaskRecord b = store.update(store.task(runId, "b").orElseThrow().to(TaskState.READY));
        store.update(b.claimed("dead-node", t0.plusSeconds(30), t0));

        RunOutcome out = done(node(ctx -> ctx.task().id()).resume(chain(), runId));

        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(executions).doesNotContainKey("a").containsEntry("b", 1).containsEntry("c", 1);
        assertThat(out.task("b").attempts()).isEqualTo(2);
        assertThat(out.task("c").output()).isEqualTo("c");
    }

    @Test
    void resume_whileOriginalNodeStillAlive_exactlyOneNodeFinishesAndTheOtherIsFenced() {
        RunHandle a = node(ctx -> {
            if (ctx.task().id().equals("b") && ctx.attempt() == 1) {
                throw new IOException("flaky");
            }
            return ctx.task().id();
        }).submit(chain());
        RunHandle b = node(ctx -> ctx.task().id()).resume(chain(), a.runId());

        clock.advance(Duration.ofHours(1));

        assertThat(a.outcome()).isDone();
        assertThat(b.outcome()).isDone();
        List<RunHandle> both = List.of(a, b);
        assertThat(both).filteredOn(h -> !h.outcome().isCompletedExceptionally()).singleElement()
                .satisfies(h -> assertThat(h.outcome().join().status()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(both).filteredOn(h -> h.outcome().isCompletedExceptionally()).singleElement()
                .satisfies(h -> assertThat(h.outcome()).failsWithin(Duration.ZERO).withThrowableOfType(
                        java.util.concurrent.ExecutionException.class)
                        .withCauseInstanceOf(dev.supervisor.api.spi.StaleVersionException.class));
        assertThat(executions).containsEntry("c", 1);
    }

    @Test
    void fenced_midTransition_leavesTheTaskAsTheStoreHasIt() {
        RunHandle run = node(ctx -> {
            if (ctx.task().id().equals("b")) {
                throw new IOException("flaky");
            }
            return ctx.task().id();
        }).submit(chain());
        assertThat(run.taskStates()).containsEntry("b", TaskState.RETRY_WAIT);
        // Someone else changes b in the store: the node's next write of b (READY when the retry is due) is refused.
        TaskRecord b = store.task(run.runId(), "b").orElseThrow();
        store.update(b.to(TaskState.RETRY_WAIT));

        clock.advance(Duration.ofHours(1));

        assertThat(run.outcome()).failsWithin(Duration.ZERO).withThrowableOfType(
                java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(dev.supervisor.api.spi.StaleVersionException.class);
        assertThat(run.taskStates()).containsEntry("b", TaskState.RETRY_WAIT);
        assertThat(executions).containsEntry("b", 1).doesNotContainKey("c");
    }

    @Test
    void resume_unknownRun_failsClearly() {
        Supervisor sup = node(ctx -> null);
        assertThatThrownBy(() -> sup.resume(chain(), "nope")).isInstanceOf(SupervisorException.class)
                .hasMessage("no run nope in the store");
    }

    @Test
    void resume_workflowWithOtherTasks_isRefusedNamingTheMismatch() {
        RunHandle run = node(ctx -> {
            throw new IOException("x");
        }).submit(chain());
        WorkflowSpec other = WorkflowSpec.builder("chain").task(task("a")).task(task("x", "a")).task(task("c", "x"))
                .build();
        assertThatThrownBy(() -> node(ctx -> null).resume(other, run.runId()))
                .isInstanceOf(SupervisorException.class)
                .hasMessageContaining("the store has tasks the workflow lacks [b]")
                .hasMessageContaining("the workflow has tasks the run lacks [x]");
    }

    /** A run left in RETRY_WAIT on b by a node that is gone (its clock never moves again). */
    private RunHandle crashedInRetryWait() {
        return node(ManualClock.at("2026-01-01T00:00:00Z"), ctx -> {
            if (ctx.task().id().equals("b")) {
                throw new IOException("b fails on the first node");
            }
            return ctx.task().id();
        }).submit(chain());
    }

    @Test
    void resume_specListingTheTasksInAnotherOrder_matchesThemById() {
        RunHandle run = crashedInRetryWait();
        RetryPolicy hourly = RetryPolicy.builder().maxAttempts(3).backoff(Backoff.FIXED, Duration.ofHours(1)).build();
        WorkflowSpec reordered = WorkflowSpec.builder("chain").task(task("c", "b")).task(task("b", "a")
                .retryPolicy(hourly)).task(task("a")).build();

        RunHandle resumed = node(ctx -> ctx.task().id()).resume(reordered, run.runId());
        clock.advance(Duration.ofHours(1));
        RunOutcome out = done(resumed);

        assertThat(out.task("a").attempts()).as("a had succeeded: not run again").isEqualTo(1);
        assertThat(out.task("b").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(out.task("c").output()).isEqualTo("c");
    }

    @Test
    void resume_fromTheStoreAlone_usesTheWorkflowKeptWithTheRun() {
        RunHandle run = crashedInRetryWait();
        RunHandle resumed = node(ctx -> ctx.task().id()).resume(run.runId());
        clock.advance(Duration.ofHours(1));
        RunOutcome out = done(resumed);
        assertThat(out.workflowId()).isEqualTo("chain");
        assertThat(out.task("c").state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void run_storedRunOnASupervisorWithoutItsHandlers_hasItsOutcomeAndStates() {
        RunHandle first = node(ctx -> ctx.task().id()).submit(chain());
        assertThat(done(first).status()).isEqualTo(RunStatus.SUCCEEDED);
        Supervisor reader = Supervisor.create(SupervisorConfig.builder().runStore(store).build()); // no handlers

        RunHandle seen = reader.run(first.runId()).orElseThrow();

        assertThat(seen.outcome()).isCompleted();
        assertThat(seen.outcome().join().task("c").output()).isEqualTo("c");
        assertThat(seen.taskStates()).containsEntry("b", TaskState.SUCCEEDED);
        assertThat(seen.workflow().id()).isEqualTo("chain");
        assertThat(reader.run("no-such-run")).isEmpty();
    }
}
