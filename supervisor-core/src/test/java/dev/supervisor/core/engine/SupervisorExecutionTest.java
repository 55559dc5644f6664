package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.done;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.Priority;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.WorkflowValidationException;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupervisorExecutionTest {
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final List<String> order = Collections.synchronizedList(new ArrayList<>());

    private Supervisor supervisor(TaskHandler handler) {
        return Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(Runnable::run).handler(WORK, handler).build());
    }

    /* ---- order and data flow ---- */

    @Test
    void submit_diamond_runsInDependencyOrderAndPassesOutputs() {
        Supervisor sup = supervisor(ctx -> {
            order.add(ctx.task().id());
            return ctx.task().id() + "<" + String.join(",", new java.util.TreeSet<>(
                    ctx.upstreamOutputs().keySet()));
        });
        WorkflowSpec wf = WorkflowSpec.builder("diamond").task(task("a")).task(task("b", "a")).task(task("c", "a"))
                .task(task("d", "b", "c")).build();

        RunOutcome out = done(sup.submit(wf));

        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(order.get(0)).isEqualTo("a");
        assertThat(order.get(3)).isEqualTo("d");
        assertThat(out.task("d").output()).isEqualTo("d<b,c");
        assertThat(out.task("d").attempts()).isEqualTo(1);
    }

    @Test
    void submit_inputs_areVisibleToHandlers() {
        Supervisor sup = supervisor(ctx -> ctx.inputs().get("repo"));
        RunOutcome out = done(sup.submit(WorkflowSpec.builder("w").task(task("a")).build(), Map.of("repo", "x/y")));
        assertThat(out.task("a").output()).isEqualTo("x/y");
    }

    /** A handler's own result types. */
    record Review(String verdict, int findings, List<String> files) {
    }

    public static final class Bean {
        public String getName() {
            return "lint";
        }

        public boolean isClean() {
            return true;
        }
    }

    @Test
    void submit_recordOrBeanOutput_isStoredAsItsJson() {
        Supervisor sup = supervisor(ctx -> ctx.task().id().equals("a") ? new Review("approve", 2, List.of("x.java"))
                : new Bean());
        RunOutcome out = done(sup.submit(WorkflowSpec.builder("w").task(task("a")).task(task("b")).build()));
        assertThat(out.task("a").output()).isEqualTo(Map.of("verdict", "approve", "findings", 2, "files",
                List.of("x.java")));
        assertThat(out.task("b").output()).isEqualTo(Map.of("name", "lint", "clean", true));
    }

    @Test
    void submit_outputJacksonCannotWrite_failsTheTaskNamingTheTypeAndTheFix() {
        Supervisor sup = supervisor(ctx -> new Object());
        RunOutcome out = done(sup.submit(WorkflowSpec.builder("w").task(task("a")).build()));
        assertThat(out.task("a").state()).isEqualTo(TaskState.FAILED);
        assertThat(out.task("a").error()).contains("output of task 'a'", "java.lang.Object",
                "cannot be turned into JSON");
    }

    /* ---- priority ---- */

    @Test
    void dispatch_singleSlot_startsHigherPriorityFirstThenLongerCriticalPath() {
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(Runnable::run).maxConcurrency(1).handler(WORK, ctx -> {
                    order.add(ctx.task().id());
                    return null;
                }).build());
        WorkflowSpec wf = WorkflowSpec.builder("p")
                .task(task("low").priority(Priority.LOW))
                .task(task("shortNormal").estimatedDuration(Duration.ofSeconds(1)))
                .task(task("longNormal").estimatedDuration(Duration.ofSeconds(1)))
                .task(task("tail", "longNormal").estimatedDuration(Duration.ofSeconds(10)))
                .task(task("critical").priority(Priority.CRITICAL))
                .build();

        done(sup.submit(wf));

        assertThat(order).containsExactly("critical", "longNormal", "tail", "shortNormal", "low");
    }

    /* ---- failure strategies ---- */

    private WorkflowSpec diamondWithFailingB(FailureStrategy strategy) {
        return WorkflowSpec.builder("d").failureStrategy(strategy)
                .task(task("a")).task(task("b", "a")).task(task("c", "a")).task(task("d", "b", "c"))
                .task(task("e", "c")).build();
    }

    @Test
    void failFast_failureInDiamond_cancelsRunningSiblingAndSkipsTheRest() {
        Supervisor sup = supervisor(ctx -> {
            order.add(ctx.task().id());
            if (ctx.task().id().equals("b")) {
                throw new IllegalStateException("lint broke");
            }
            return null;
        });
        RunOutcome out = done(sup.submit(diamondWithFailingB(FailureStrategy.FAIL_FAST)));

        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
        assertThat(out.task("b").state()).isEqualTo(TaskState.FAILED);
        assertThat(out.task("b").error()).isEqualTo("IllegalStateException: lint broke");
        // b and c were dispatched together; b ran first (declaration order) and failed, so c was cancelled before
        // its handler ran, and d and e never became ready.
        assertThat(out.task("c").state()).isEqualTo(TaskState.CANCELLED);
        assertThat(order).containsExactly("a", "b");
        assertThat(List.of(out.task("d").state(), out.task("e").state())).containsOnly(TaskState.SKIPPED);
    }

    @Test
    void continueStrategy_failureInDiamond_runsIndependentBranchAndMarksDependents() {
        Supervisor sup = supervisor(ctx -> {
            if (ctx.task().id().equals("b")) {
                throw new IllegalStateException("lint broke");
            }
            return null;
        });
        RunOutcome out = done(sup.submit(diamondWithFailingB(FailureStrategy.CONTINUE)));

        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
        assertThat(out.task("c").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(out.task("e").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(out.task("d").state()).isEqualTo(TaskState.UPSTREAM_FAILED);
        assertThat(out.task("d").error()).contains("upstream 'b' FAILED");
    }

    @Test
    void continueStrategy_upstreamFailure_propagatesTransitively() {
        Supervisor sup = supervisor(ctx -> {
            throw new IllegalStateException("boom");
        });
        WorkflowSpec wf = WorkflowSpec.builder("chain").failureStrategy(FailureStrategy.CONTINUE)
                .task(task("a")).task(task("b", "a")).task(task("c", "b")).build();
        RunOutcome out = done(sup.submit(wf));
        assertThat(out.task("c").state()).isEqualTo(TaskState.UPSTREAM_FAILED);
        assertThat(out.task("c").attempts()).isZero();
    }

    /* ---- validation at submit ---- */

    @Test
    void submit_invalidWorkflow_reportsAllProblemsAndStartsNothing() {
        Supervisor sup = supervisor(ctx -> {
            order.add(ctx.task().id());
            return null;
        });
        WorkflowSpec wf = WorkflowSpec.builder("bad").task(task("a", "ghost")).task(task("b", "c"))
                .task(task("c", "b")).task(TaskSpec.builder("x", TaskType.of("nobody"))).build();

        assertThatThrownBy(() -> sup.submit(wf)).isInstanceOfSatisfying(WorkflowValidationException.class,
                e -> assertThat(e.problems()).extracting(ValidationProblem::kind).contains(
                        ValidationProblem.Kind.UNKNOWN_DEPENDENCY, ValidationProblem.Kind.CYCLE,
                        ValidationProblem.Kind.NO_HANDLER));
        assertThat(order).isEmpty();
    }

    @Test
    void submit_cycle_isRejectedNamingTheTasks() {
        Supervisor sup = supervisor(ctx -> null);
        WorkflowSpec wf = WorkflowSpec.builder("cyc").task(task("root")).task(task("a", "root", "c"))
                .task(task("b", "a")).task(task("c", "b")).build();
        assertThatThrownBy(() -> sup.submit(wf)).isInstanceOf(WorkflowValidationException.class)
                .hasMessageContaining("CYCLE").hasMessageContaining("a").hasMessageContaining("c");
    }

    /* ---- large inputs ---- */

    @Test
    void submit_millionTaskChain_runsWithoutStackOverflow() {
        int n = 1_000_000;
        WorkflowSpec.Builder b = WorkflowSpec.builder("chain");
        b.task(TaskSpec.builder("t0", WORK));
        for (int i = 1; i < n; i++) {
            b.task(TaskSpec.builder("t" + i, WORK).dependsOn("t" + (i - 1)));
        }
        long[] count = new long[1];
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(Runnable::run).retainedFinishedRuns(0).handler(WORK, ctx -> {
                    count[0]++;
                    return null;
                }).build());

        RunOutcome out = done(sup.submit(b.build()));

        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(count[0]).isEqualTo(n);
        assertThat(out.criticalPath()).hasSize(n);
    }
}
