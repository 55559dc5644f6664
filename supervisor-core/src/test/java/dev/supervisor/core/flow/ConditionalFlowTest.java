package dev.supervisor.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.WorkflowValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trigger rules, edge conditions, branches and short-circuits executed by the engine (same-thread executor). */
class ConditionalFlowTest {
    private static final TaskType T = TaskType.of("t");
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    private RunOutcome run(WorkflowSpec wf, TaskHandler behaviour) {
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run).handler(T, ctx -> {
            ran.add(ctx.task().id());
            return behaviour.execute(ctx);
        }).build());
        return sup.submit(wf).outcome().join();
    }

    private static TaskSpec.Builder task(String id, String... deps) {
        return TaskSpec.builder(id, T).dependsOn(deps);
    }

    private static TaskHandler failing(String... ids) {
        Set<String> bad = Set.of(ids);
        return ctx -> {
            if (bad.contains(ctx.task().id())) {
                throw new IllegalStateException("boom");
            }
            return null;
        };
    }

    /* ---- branch / join diamonds (the classic gotcha) ---- */

    private WorkflowSpec branchDiamond(TriggerRule joinRule) {
        return WorkflowSpec.builder("branch").task(task("branch")).task(task("left", "branch"))
                .task(task("right", "branch")).task(task("join", "left", "right").triggerRule(joinRule)).build();
    }

    private static TaskHandler chooseLeft() {
        return ctx -> {
            if (ctx.task().id().equals("branch")) {
                ctx.selectBranches(List.of("left"));
            }
            return null;
        };
    }

    @Test
    void branch_joinWithAllSuccess_isSkippedByTheUntakenBranch() {
        RunOutcome out = run(branchDiamond(TriggerRule.ALL_SUCCESS), chooseLeft());
        assertThat(out.task("right").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(out.task("right").reason()).isEqualTo("branch not taken by 'branch'");
        assertThat(out.task("right").error()).as("a skip is not a failure").isNull();
        assertThat(out.task("join").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void branch_joinWithNoneFailedMinOneSuccess_runsAfterTheTakenBranch() {
        RunOutcome out = run(branchDiamond(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS), chooseLeft());
        assertThat(out.task("join").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(ran).containsExactly("branch", "left", "join");
    }

    @Test
    void branch_selectingANonDownstreamTask_failsTheBranchTaskClearly() {
        RunOutcome out = run(branchDiamond(TriggerRule.ALL_SUCCESS), ctx -> {
            if (ctx.task().id().equals("branch")) {
                ctx.selectBranches(List.of("join"));
            }
            return null;
        });
        assertThat(out.task("branch").state()).isEqualTo(TaskState.FAILED);
        assertThat(out.task("branch").error()).contains("'join' is not one of them");
    }

    @Test
    void joinAfterFailure_noneFailedMinOneSuccess_isUpstreamFailed() {
        WorkflowSpec wf = WorkflowSpec.builder("d").failureStrategy(FailureStrategy.CONTINUE).task(task("a"))
                .task(task("b", "a")).task(task("c", "a"))
                .task(task("join", "b", "c").triggerRule(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS)).build();
        assertThat(run(wf, failing("b")).task("join").state()).isEqualTo(TaskState.UPSTREAM_FAILED);
    }

    /* ---- rules in the engine ---- */

    @Test
    void oneFailed_alertTask_runsAsSoonAsOneUpstreamFails() {
        WorkflowSpec wf = WorkflowSpec.builder("alert").failureStrategy(FailureStrategy.CONTINUE).task(task("a"))
                .task(task("b")).task(task("alert", "a", "b").triggerRule(TriggerRule.ONE_FAILED)).build();
        RunOutcome out = run(wf, failing("a"));
        assertThat(out.task("alert").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(ran).containsExactly("a", "alert", "b");
    }

    @Test
    void oneFailed_noFailure_isSkipped() {
        WorkflowSpec wf = WorkflowSpec.builder("alert").task(task("a")).task(task("b"))
                .task(task("alert", "a", "b").triggerRule(TriggerRule.ONE_FAILED)).build();
        assertThat(run(wf, failing()).task("alert").state()).isEqualTo(TaskState.SKIPPED);
    }

    @Test
    void allDone_cleanup_runsAfterFailuresAndSkips() {
        WorkflowSpec wf = WorkflowSpec.builder("cleanup").failureStrategy(FailureStrategy.CONTINUE)
                .task(task("a")).task(task("b", "a")).task(task("cleanup", "a", "b")
                        .triggerRule(TriggerRule.ALL_DONE)).build();
        RunOutcome out = run(wf, failing("a"));
        assertThat(out.task("b").state()).isEqualTo(TaskState.UPSTREAM_FAILED);
        assertThat(out.task("cleanup").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void always_runsWithoutWaitingForUpstream() {
        dev.supervisor.core.testing.ManualClock clock = dev.supervisor.core.testing.ManualClock.at(
                "2026-01-01T00:00:00Z");
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(Runnable::run).handler(T, ctx -> {
                    ran.add(ctx.task().id());
                    if (ctx.task().id().equals("slow") && ctx.attempt() == 1) {
                        throw new java.io.IOException("not yet");
                    }
                    return null;
                }).build());
        WorkflowSpec wf = WorkflowSpec.builder("w").task(task("slow").retryPolicy(dev.supervisor.api.RetryPolicy
                .builder().maxAttempts(2).backoff(dev.supervisor.api.Backoff.FIXED, java.time.Duration.ofHours(1))
                .build())).task(task("watch", "slow").triggerRule(TriggerRule.ALWAYS)).build();
        var handle = sup.submit(wf);

        assertThat(handle.taskStates()).containsEntry("slow", TaskState.RETRY_WAIT)
                .containsEntry("watch", TaskState.SUCCEEDED);
        clock.advance(java.time.Duration.ofHours(1));
        assertThat(handle.outcome().join().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void skippedUpstream_allSuccess_skipsTransitively() {
        WorkflowSpec wf = WorkflowSpec.builder("w").task(task("a")).task(task("b", "a")).task(task("c", "b"))
                .task(task("d", "c").triggerRule(TriggerRule.NONE_FAILED)).build();
        RunOutcome out = run(wf, ctx -> {
            if (ctx.task().id().equals("a")) {
                ctx.selectBranches(List.of());
            }
            return null;
        });
        assertThat(out.task("b").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(out.task("c").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(out.task("d").state()).isEqualTo(TaskState.SUCCEEDED); // none_failed: all skipped still runs
    }

    /* ---- edge conditions ---- */

    @Test
    void failureEdge_runsOnlyWhenUpstreamFailed() {
        WorkflowSpec wf = WorkflowSpec.builder("w").failureStrategy(FailureStrategy.CONTINUE).task(task("deploy"))
                .task(TaskSpec.builder("rollback", T).dependsOn("deploy", EdgeCondition.onFailure())).build();
        assertThat(run(wf, failing("deploy")).task("rollback").state()).isEqualTo(TaskState.SUCCEEDED);
        ran.clear();
        assertThat(run(wf, failing()).task("rollback").state()).isEqualTo(TaskState.SKIPPED);
    }

    @Test
    void completionEdge_runsAfterSuccessOrFailure() {
        WorkflowSpec wf = WorkflowSpec.builder("w").failureStrategy(FailureStrategy.CONTINUE).task(task("job"))
                .task(TaskSpec.builder("report", T).dependsOn("job", EdgeCondition.onCompletion())).build();
        assertThat(run(wf, failing("job")).task("report").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(run(wf, failing()).task("report").state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void customEdge_expressionOverUpstreamOutput_decidesTheEdge() {
        WorkflowSpec wf = WorkflowSpec.builder("w").task(task("scan"))
                .task(TaskSpec.builder("fix", T).dependsOn("scan", EdgeCondition.custom(
                        "status == 'SUCCEEDED' && output.findings > 0")))
                .task(TaskSpec.builder("celebrate", T).dependsOn("scan", EdgeCondition.custom("output.findings == 0")))
                .build();
        RunOutcome out = run(wf, ctx -> ctx.task().id().equals("scan") ? java.util.Map.of("findings", 2) : null);
        assertThat(out.task("fix").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(out.task("celebrate").state()).isEqualTo(TaskState.SKIPPED);
    }

    @Test
    void condition_false_skipsTheTaskAndDownstreamFollowsTheRules() {
        WorkflowSpec wf = WorkflowSpec.builder("w").task(task("build"))
                .task(task("deploy", "build").condition("inputs.branch == 'main' && tasks.build.output.ok"))
                .task(task("notify", "deploy").triggerRule(TriggerRule.ALL_DONE)).build();
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run).handler(T, ctx -> {
            ran.add(ctx.task().id());
            return java.util.Map.of("ok", true);
        }).build());
        RunOutcome feature = sup.submit(wf, java.util.Map.of("branch", "feature/x")).outcome().join();
        assertThat(feature.task("deploy").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(feature.task("deploy").reason()).startsWith("condition is false");
        assertThat(feature.task("notify").state()).isEqualTo(TaskState.SUCCEEDED);
        RunOutcome main = sup.submit(wf, java.util.Map.of("branch", "main")).outcome().join();
        assertThat(main.task("deploy").state()).isEqualTo(TaskState.SUCCEEDED);
    }

    @Test
    void condition_evaluationError_failsTheTaskWithThePosition() {
        WorkflowSpec wf = WorkflowSpec.builder("w").task(task("a").condition("inputs.missing > 1")).build();
        RunOutcome out = run(wf, failing());
        assertThat(out.task("a").state()).isEqualTo(TaskState.FAILED);
        assertThat(out.task("a").error()).isEqualTo("condition failed: no member 'missing' (use has(...) to test for"
                + " it) at 1:8");
        assertThat(ran).isEmpty();
    }

    @Test
    void invalidExpressions_areReportedAtSubmitWithEveryOtherProblem() {
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run).handler(T, c -> null)
                .build());
        WorkflowSpec wf = WorkflowSpec.builder("w").task(task("a").condition("1 +"))
                .task(TaskSpec.builder("b", T).dependsOn("a", EdgeCondition.custom("status ==")))
                .task(task("c", "ghost")).build();
        assertThatThrownBy(() -> sup.submit(wf)).isInstanceOf(WorkflowValidationException.class)
                .hasMessageContaining("UNKNOWN_DEPENDENCY");
        WorkflowSpec onlyExpr = WorkflowSpec.builder("w").task(task("a").condition("1 +"))
                .task(TaskSpec.builder("b", T).dependsOn("a", EdgeCondition.custom("status =="))).build();
        assertThatThrownBy(() -> sup.submit(onlyExpr)).isInstanceOfSatisfying(WorkflowValidationException.class,
                e -> assertThat(e.errors()).extracting(p -> p.kind().name()).containsExactly("INVALID_EXPRESSION",
                        "INVALID_EXPRESSION"))
                .hasMessageContaining("condition of task 'a'").hasMessageContaining("edge 'a' -> 'b'");
    }

    @Test
    void condition_usesHostFunctionsAndTheSupervisorClock() {
        dev.supervisor.core.testing.ManualClock clock = dev.supervisor.core.testing.ManualClock.at(
                "2026-03-07T10:00:00Z"); // a Saturday
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().clock(clock).executor(Runnable::run)
                .expressions(dev.supervisor.core.expr.ExpressionConfig.builder()
                        .function("isFreeze", args -> args.get(0).equals(6L) || args.get(0).equals(7L)).build())
                .handler(T, ctx -> null).build());
        WorkflowSpec wf = WorkflowSpec.builder("w").task(task("deploy").condition("!isFreeze(weekday(now))")).build();
        assertThat(sup.submit(wf).outcome().join().task("deploy").state()).isEqualTo(TaskState.SKIPPED);
        clock.advance(java.time.Duration.ofDays(2)); // Monday
        assertThat(sup.submit(wf).outcome().join().task("deploy").state()).isEqualTo(TaskState.SUCCEEDED);
    }

    /* ---- short-circuit ---- */

    @Test
    void shortCircuit_skipsEverythingDownstreamWhateverItsRule() {
        WorkflowSpec wf = WorkflowSpec.builder("w").task(task("gate")).task(task("a", "gate"))
                .task(task("b", "a").triggerRule(TriggerRule.ALL_DONE)).task(task("other")).build();
        RunOutcome out = run(wf, ctx -> {
            if (ctx.task().id().equals("gate")) {
                ctx.shortCircuit();
            }
            return null;
        });
        assertThat(out.task("a").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(out.task("b").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(out.task("b").reason()).isEqualTo("short-circuited by 'gate'");
        assertThat(out.task("other").state()).isEqualTo(TaskState.SUCCEEDED);
    }

    /* ---- decisions that must not depend on timing or be lost ---- */

    @Test
    void customEdge_evaluationError_failsTheTaskWithTheErrorAndStopsAFailFastRun() {
        WorkflowSpec wf = WorkflowSpec.builder("w").failureStrategy(FailureStrategy.FAIL_FAST).task(task("scan"))
                .task(TaskSpec.builder("fix", T).dependsOn("scan", EdgeCondition.custom("output.findings > 0")))
                .task(task("later", "fix")).build();
        RunOutcome out = run(wf, ctx -> null); // no output: the edge cannot read findings

        assertThat(out.task("fix").state()).isEqualTo(TaskState.FAILED);
        assertThat(out.task("fix").error()).startsWith("condition of the edge 'scan' -> 'fix' failed: ")
                .contains("findings").endsWith("at 1:8");
        assertThat(out.task("later").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void alwaysTask_withACustomEdge_runsWhateverItsUpstreamDid() {
        // The edge would fail to evaluate on a skipped upstream; an always task does not look at its upstream.
        WorkflowSpec wf = WorkflowSpec.builder("w").failureStrategy(FailureStrategy.CONTINUE)
                .task(task("gate").condition("false"))
                .task(TaskSpec.builder("audit", T).triggerRule(TriggerRule.ALWAYS)
                        .dependsOn("gate", EdgeCondition.custom("output.size > 1")))
                .build();
        RunOutcome out = run(wf, ctx -> null);
        assertThat(out.task("gate").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(out.task("audit").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void oneDone_onlyUpstreamIsUpstreamFailed_isSkippedAsInAirflow() {
        WorkflowSpec wf = WorkflowSpec.builder("w").failureStrategy(FailureStrategy.CONTINUE).task(task("a"))
                .task(task("b", "a")).task(task("c", "b").triggerRule(TriggerRule.ONE_DONE)).build();
        RunOutcome out = run(wf, failing("a"));
        assertThat(out.task("b").state()).isEqualTo(TaskState.UPSTREAM_FAILED);
        assertThat(out.task("c").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(ran).containsExactly("a");
    }

    @Test
    void allSuccess_failedAndSkippedUpstream_isUpstreamFailedWhicheverEndsFirst() {
        for (boolean skipFirst : new boolean[] {true, false}) {
            ran.clear();
            // "skip" is skipped by its condition at once; "boom" fails; their order is set by "slow" in front.
            WorkflowSpec wf = WorkflowSpec.builder("w").failureStrategy(FailureStrategy.CONTINUE)
                    .task(task("slow"))
                    .task(skipFirst ? task("boom", "slow") : task("boom"))
                    .task(skipFirst ? task("skip").condition("false") : task("skip", "slow").condition("false"))
                    .task(task("join", "boom", "skip")).build();
            RunOutcome out = run(wf, failing("boom"));
            assertThat(out.task("join").state()).as("skip first: %s", skipFirst)
                    .isEqualTo(TaskState.UPSTREAM_FAILED);
        }
    }
}
