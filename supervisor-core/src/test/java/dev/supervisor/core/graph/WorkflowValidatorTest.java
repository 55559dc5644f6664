package dev.supervisor.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
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
        return validator.validate(wf).problems().stream().map(ValidationProblem::toString).toList();
    }

    /* ---- each kind, exact message ---- */

    @Test
    void validate_empty_reportsEmptyWorkflow() {
        assertThat(messages(WorkflowSpec.builder("nothing").build()))
                .containsExactly("EMPTY_WORKFLOW: workflow 'nothing' has no tasks");
    }

    @Test
    void validate_duplicateId_namesBothPositions() {
        assertThat(messages(wf(task("a"), task("b", "a"), task("a"))))
                .containsExactly("DUPLICATE_ID: task id 'a' is used by tasks #0 and #2");
    }

    @Test
    void validate_unknownDependency_namesBothTasks() {
        ValidationProblem p = validator.validate(wf(task("a"), task("b", "ghost"))).errors().get(0);
        assertThat(p.kind()).isEqualTo(Kind.UNKNOWN_DEPENDENCY);
        assertThat(p.taskIds()).containsExactly("b", "ghost");
        assertThat(p.message()).isEqualTo("task 'b' depends on unknown task 'ghost'");
    }

    @Test
    void validate_selfDependency_isReported() {
        assertThat(messages(wf(task("a", "a")))).containsExactly("SELF_DEPENDENCY: task 'a' depends on itself");
    }

    @Test
    void validate_cycle_reportsTheActualPath() {
        assertThat(messages(wf(task("root"), task("a", "root", "c"), task("b", "a"), task("c", "b"))))
                .containsExactly("CYCLE: dependencies form a cycle: a -> b -> c -> a");
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
                "DUPLICATE_EDGE: task 'b' declares its dependency on 'a' more than once; merged");
    }

    @Test
    void validate_disconnectedGroups_areAWarningNamingEachGroup() {
        ValidationReport r = validator.validate(wf(task("a"), task("b", "a"), task("x"), task("y", "x"),
                task("z")));
        assertThat(r.isValid()).isTrue();
        assertThat(r.warnings()).extracting(ValidationProblem::message).containsExactly(
                "workflow falls apart into 3 independent groups: 'a' (2 tasks), 'x' (2 tasks), 'z' (1 task)");
    }

    @Test
    void validate_missingHandler_isAWarningNamingTheFirstUse() {
        ValidationReport r = WorkflowValidator.of(t -> !t.name().equals("mystery")).validate(
                wf(task("a"), TaskSpec.builder("m", TaskType.of("mystery")).dependsOn("a").build()));
        assertThat(r.warnings()).extracting(ValidationProblem::toString).containsExactly(
                "NO_HANDLER: no handler is registered for task type mystery (first used by task 'm')");
    }

    @Test
    void validate_manyProblems_reportsAllAtOnceErrorsFirst() {
        ValidationReport r = validator.validate(wf(task("a", "a"), task("a"), task("b", "nope"), task("c", "d"),
                task("d", "c"), task("lonely")));
        assertThat(r.problems()).extracting(ValidationProblem::kind).containsExactly(Kind.DUPLICATE_ID,
                Kind.SELF_DEPENDENCY, Kind.UNKNOWN_DEPENDENCY, Kind.CYCLE, Kind.DISCONNECTED);
        assertThatThrownBy(r::throwIfInvalid).isInstanceOf(WorkflowValidationException.class)
                .hasMessageStartingWith("workflow 'wf' has 4 errors:");
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
