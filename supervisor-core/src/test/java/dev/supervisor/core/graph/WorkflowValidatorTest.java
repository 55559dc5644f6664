package dev.supervisor.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.ValidationProblem.Kind;
import dev.supervisor.core.WorkflowValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorkflowValidatorTest {
    private static final TaskType T = TaskType.of("t");
    private final WorkflowValidator validator = WorkflowValidator.structural();

    private static TaskSpec task(String id, String... deps) {
        return TaskSpec.builder(id, T).dependsOn(deps).build();
    }

    private static WorkflowSpec wf(TaskSpec... tasks) {
        return WorkflowSpec.builder("wf").tasks(List.of(tasks)).build();
    }

    private List<String> messages(WorkflowSpec wf) {
        return messages(validator.validate(wf));
    }

    private static List<String> messages(ValidationReport r) {
        return r.problems().stream().map(ValidationProblem::toString).toList();
    }

    /* ---- each kind, exact message ---- */

    @Test
    void validate_emptyTaskList_reportsEmptyWorkflow() {
        assertThat(messages(validator.validate("nothing", FailureStrategy.FAIL_FAST, List.of())))
                .containsExactly("EMPTY_WORKFLOW: workflow 'nothing' has no tasks; add at least one");
    }

    @Test
    void validate_duplicateIdInTaskList_namesBothPositions() {
        assertThat(messages(validator.validate("wf", FailureStrategy.CONTINUE, List.of(task("a"), task("b", "a"),
                task("a"))))).containsExactly(
                        "DUPLICATE_ID: task id 'a' is used by tasks #0 and #2; give each task its own id");
    }

    @Test
    void validate_unknownDependency_namesBothTasksAndSuggestsTheClosestId() {
        ValidationProblem p = validator.validate(WorkflowSpec.builder("etl").task(task("extract"))
                .task(task("load", "extrct")).build()).errors().get(0);
        assertThat(p.kind()).isEqualTo(Kind.UNKNOWN_DEPENDENCY);
        assertThat(p.taskIds()).containsExactly("load", "extrct");
        assertThat(p.message()).isEqualTo(
                "task 'load' depends on 'extrct', which is not in workflow 'etl'; did you mean 'extract'?");
    }

    @Test
    void validate_unknownDependencyFarFromEveryId_saysHowToFixIt() {
        assertThat(validator.validate(wf(task("a"), task("b", "ghost"))).errors().get(0).message()).isEqualTo(
                "task 'b' depends on 'ghost', which is not in workflow 'wf'; add a task 'ghost' or remove the"
                        + " dependency");
    }

    @Test
    void validate_typosOfShortIds_areNotGuessed() {
        // "b" is one edit from "a", but so is every other one-letter id: no suggestion for names this short
        assertThat(validator.validate(wf(task("a"), task("c", "b"))).errors().get(0).message())
                .doesNotContain("did you mean");
    }

    @Test
    void validate_swappedLetters_countAsOneEdit() {
        assertThat(validator.validate(wf(task("deploy"), task("verify", "delpoy"))).errors().get(0).message())
                .endsWith("did you mean 'deploy'?");
    }

    @Test
    void validate_cycle_reportsTheActualPathAndTheFix() {
        assertThat(messages(wf(task("root"), task("a", "root", "c"), task("b", "a"), task("c", "b"))))
                .containsExactly("CYCLE: dependencies form a cycle: a -> b -> c -> a; remove one of these"
                        + " dependencies");
    }

    @Test
    void validate_twoCycles_reportsOnePerComponentInTaskOrder() {
        ValidationReport r = validator.validate(wf(task("x", "y"), task("y", "x"), task("p", "q"), task("q", "r"),
                task("r", "p")));
        assertThat(r.errors()).extracting(ValidationProblem::taskIds).containsExactly(List.of("x", "y", "x"),
                List.of("p", "r", "q", "p"));
    }

    @Test
    void validate_duplicateEdge_isMergedWithAWarning() {
        ValidationReport r = validator.validate(wf(task("a"), task("b", "a", "a")));
        assertThat(r.isValid()).isTrue();
        assertThat(r.warnings()).extracting(ValidationProblem::toString).containsExactly(
                "DUPLICATE_EDGE: task 'b' declares its dependency on 'a' more than once; it counts once, declare it"
                        + " once");
    }

    @Test
    void validate_disconnectedGroups_areAWarningNamingEachGroup() {
        ValidationReport r = validator.validate(wf(task("a"), task("b", "a"), task("x"), task("y", "x"),
                task("z")));
        assertThat(r.isValid()).isTrue();
        assertThat(r.warnings()).extracting(ValidationProblem::message).containsExactly(
                "workflow falls apart into 3 independent groups: 'a' (2 tasks), 'x' (2 tasks), 'z' (1 task); if they"
                        + " belong together, add the dependencies between them, else run them as separate workflows");
    }

    @Test
    void validate_missingHandler_isAnErrorSuggestingTheClosestRegisteredType() {
        ValidationReport r = WorkflowValidator.of(List.of(TaskType.of("etl.load"), TaskType.of("etl.extract")))
                .validate(wf(TaskSpec.builder("e", TaskType.of("etl.extract")).build(),
                        TaskSpec.builder("l", TaskType.of("etl.lod")).dependsOn("e").build()));
        assertThat(r.isValid()).isFalse();
        assertThat(r.errors()).extracting(ValidationProblem::toString).containsExactly(
                "NO_HANDLER: no handler is registered for task type 'etl.lod' (first used by task 'l'); did you mean"
                        + " 'etl.load'?");
    }

    @Test
    void validate_missingHandlerWithoutKnownTypes_saysHowToFixIt() {
        ValidationReport r = WorkflowValidator.of(t -> !t.name().equals("mystery")).validate(
                wf(task("a"), TaskSpec.builder("m", TaskType.of("mystery")).dependsOn("a").build()));
        assertThat(r.errors()).extracting(ValidationProblem::toString).containsExactly(
                "NO_HANDLER: no handler is registered for task type 'mystery' (first used by task 'm'); register a"
                        + " handler for it or change the type");
    }

    @Test
    void validate_taskTakingAFanOutInstanceId_isAnError() {
        ValidationReport r = validator.validate(wf(TaskSpec.builder("x", T).fanOut("items", 3).build(),
                task("x[2]", "x"), task("x[3]", "x")));
        assertThat(r.errors()).extracting(ValidationProblem::toString).containsExactly(
                "DUPLICATE_ID: task id 'x[2]' is reserved for an instance of fan-out task 'x'; rename the task");
    }

    @Test
    void validate_manyProblems_reportsAllAtOnceErrorsFirst() {
        ValidationReport r = validator.validate("wf", FailureStrategy.FAIL_FAST, List.of(task("a"), task("a"),
                task("b", "nope"), task("c", "d"), task("d", "c"), task("lonely"),
                TaskSpec.builder("alert", T).dependsOn("b").triggerRule(TriggerRule.ONE_FAILED).build()));
        assertThat(r.problems()).extracting(ValidationProblem::kind).containsExactly(Kind.DUPLICATE_ID,
                Kind.UNKNOWN_DEPENDENCY, Kind.CYCLE, Kind.DISCONNECTED, Kind.SKIPPED_BY_FAIL_FAST);
        assertThatThrownBy(r::throwIfInvalid).isInstanceOf(WorkflowValidationException.class)
                .hasMessageStartingWith("workflow 'wf' has 3 errors and 2 warnings:\n  errors:\n    - DUPLICATE_ID");
    }

    /* ---- FAIL_FAST and tasks meant for failures ---- */

    private static WorkflowSpec deploy(FailureStrategy strategy, boolean teardown) {
        return WorkflowSpec.builder("release").failureStrategy(strategy)
                .task(task("deploy"))
                .task(TaskSpec.builder("cleanup", T).dependsOn("deploy").triggerRule(TriggerRule.ALL_DONE)
                        .teardown(teardown))
                .task(TaskSpec.builder("rollback", T).dependsOn("deploy", EdgeCondition.onFailure()))
                .task(TaskSpec.builder("alert", T).dependsOn("deploy").triggerRule(TriggerRule.ONE_FAILED))
                .task(TaskSpec.builder("audit", T).dependsOn("deploy", EdgeCondition.onCompletion()))
                .task(TaskSpec.builder("verify", T).dependsOn("deploy").triggerRule(TriggerRule.NONE_SKIPPED))
                .build();
    }

    @Test
    void validate_failFastWithTasksMeantForFailures_warnsNamingThemAndTheFix() {
        ValidationReport r = validator.validate(deploy(FailureStrategy.FAIL_FAST, false));
        assertThat(r.isValid()).isTrue();
        ValidationProblem w = r.warnings().get(0);
        assertThat(w.kind()).isEqualTo(Kind.SKIPPED_BY_FAIL_FAST);
        assertThat(w.taskIds()).containsExactly("cleanup", "rollback", "alert", "audit");
        assertThat(w.message()).isEqualTo("workflow 'release' fails fast (FAIL_FAST, the default), so after a failure"
                + " it skips 'cleanup' (trigger rule ALL_DONE), 'rollback' (FAILURE edge from 'deploy'), 'alert'"
                + " (trigger rule ONE_FAILED), 'audit' (COMPLETION edge from 'deploy'), which are meant to run after"
                + " a failure; use failureStrategy(CONTINUE), or mark them teardown(true) to run even after a"
                + " fail-fast");
    }

    @Test
    void validate_teardownTasksAndContinue_areNotWarnedAbout() {
        assertThat(validator.validate(deploy(FailureStrategy.FAIL_FAST, true)).warnings().get(0).taskIds())
                .containsExactly("rollback", "alert", "audit");
        assertThat(validator.validate(deploy(FailureStrategy.CONTINUE, false)).problems()).isEmpty();
    }

    /* ---- determinism and scale ---- */

    @Test
    void validate_sameCycleInShuffledDeclarations_givesTheSameMessageEveryTime() {
        long seed = System.nanoTime();
        System.out.println("validate_sameCycle seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<TaskSpec> tasks = new ArrayList<>(List.of(task("a", "c"), task("b", "a"), task("c", "b"),
                task("d", "c")));
        String first = messages(wf(tasks.toArray(new TaskSpec[0]))).toString();
        for (int i = 0; i < 5; i++) {
            assertThat(messages(wf(tasks.toArray(new TaskSpec[0]))).toString()).isEqualTo(first);
        }
        Collections.shuffle(tasks, new java.util.Random(rnd.nextLong()));
        // The cycle is named from the lowest-index task of the new order, but it is the same cycle.
        String shuffled = messages(wf(tasks.toArray(new TaskSpec[0]))).toString();
        assertThat(shuffled).contains("CYCLE").contains("a").contains("b").contains("c").doesNotContain("d ->");
    }

    @Test
    void validate_millionTaskChain_isIterative() {
        WorkflowSpec.Builder b = WorkflowSpec.builder("chain").task(task("t0"));
        for (int i = 1; i < 1_000_000; i++) {
            b.task(task("t" + i, "t" + (i - 1)));
        }
        assertThat(validator.validate(b.build()).problems()).isEmpty();
    }

    /** Regression: a workflow between one resolution chunk and the parallel threshold lost its later edges. */
    @Test
    void validate_graphOfEverySize_matchesTheDirectlyBuiltGraph() {
        for (int n : new int[] {1, 65_535, 65_536, 65_537, 100_000, 200_001}) {
            WorkflowSpec.Builder b = WorkflowSpec.builder("sized").task(task("t0"));
            for (int i = 1; i < n; i++) {
                b.task(task("t" + i, "t" + (i - 1), "t" + (i / 2)));
            }
            WorkflowSpec wf = b.build();
            TaskGraph fromValidator = validator.validate(wf).graph().orElseThrow();
            TaskGraph direct = TaskGraph.of(wf);
            assertThat(fromValidator.edgeCount()).as("n=%d", n).isEqualTo(direct.edgeCount());
            for (int i = 0; i < n; i++) {
                if (fromValidator.inDegree(i) != direct.inDegree(i)
                        || fromValidator.outDegree(i) != direct.outDegree(i)) {
                    throw new AssertionError("n=" + n + ": task " + i + " differs");
                }
            }
            assertThat(fromValidator.predecessorArray()).as("n=%d", n).isEqualTo(direct.predecessorArray());
            assertThat(fromValidator.successorArray()).as("n=%d", n).isEqualTo(direct.successorArray());
        }
    }

    @Test
    void validate_millionTaskRing_findsTheWholeCycleIteratively() {
        int n = 1_000_000;
        WorkflowSpec.Builder b = WorkflowSpec.builder("ring").task(task("t0", "t" + (n - 1)));
        for (int i = 1; i < n; i++) {
            b.task(task("t" + i, "t" + (i - 1)));
        }
        ValidationProblem cycle = validator.validate(b.build()).errors().get(0);
        assertThat(cycle.taskIds()).hasSize(n + 1).startsWith("t0", "t1").endsWith("t999999", "t0");
    }
}
