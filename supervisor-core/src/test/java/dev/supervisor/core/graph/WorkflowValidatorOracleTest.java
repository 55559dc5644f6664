package dev.supervisor.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.ValidationProblem.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The validator against {@link ReferenceValidator} on random workflows full of problems: same report, to the word.
 * Workflows with repeated ids are checked as task lists ({@link WorkflowValidator#validate(String, FailureStrategy,
 * List)}), since a {@link WorkflowSpec} cannot repeat one; the others both ways.
 */
class WorkflowValidatorOracleTest {
    private static final List<TaskType> KNOWN = List.of(TaskType.of("type0"), TaskType.of("type1"));
    private static final Predicate<TaskType> HANDLERS = KNOWN::contains;
    private static final TriggerRule[] RULES = TriggerRule.values();

    /** A workflow's parts, which may repeat ids. */
    private record Case(FailureStrategy strategy, List<TaskSpec> tasks) {
        boolean uniqueIds() {
            return tasks.stream().map(TaskSpec::id).distinct().count() == tasks.size();
        }

        WorkflowSpec spec() {
            return WorkflowSpec.builder("random").failureStrategy(strategy).tasks(tasks).build();
        }
    }

    private static Case randomWorkflow(SplittableRandom rnd, int n) {
        return randomWorkflow(rnd, n, rnd.nextBoolean() ? n : n + n / 8 + 1, true); // sometimes ids repeat
    }

    /**
     * @param idRange n for unique ids "t0".."t(n-1)", more for ids drawn at random from that many
     * @param typos whether some dependencies are typos of real ids, and unknown ones as long as real ones (each
     *              distinct unknown id is compared with every id: slow for large workflows)
     */
    private static Case randomWorkflow(SplittableRandom rnd, int n, int idRange, boolean typos) {
        int maxDeps = rnd.nextInt(10) == 0 ? 40 : 4; // sometimes past the small fan-in limit
        double forward = rnd.nextInt(3) == 0 ? 0.0 : rnd.nextDouble() * 0.2;
        double unknown = rnd.nextInt(3) == 0 ? 0.0 : 0.02;
        double typo = !typos || rnd.nextInt(3) == 0 ? 0.0 : 0.02;
        double special = rnd.nextInt(3) == 0 ? 0.0 : 0.05; // rules, edges, teardown, fan-out
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = idRange == n ? "t" + i : "t" + rnd.nextInt(idRange);
            String base = ids[rnd.nextInt(i + 1)];
            if (rnd.nextDouble() < special / 4 && !base.endsWith("]")) {
                ids[i] = base + "[" + rnd.nextInt(4) + "]"; // may clash with a fan-out instance
            }
        }
        List<TaskSpec> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int type = rnd.nextInt(40);
            TaskSpec.Builder t = TaskSpec.builder(ids[i], TaskType.of(type == 0 ? "xtra" + rnd.nextInt(3)
                    : type == 1 ? "tpye" + rnd.nextInt(3) : "type" + rnd.nextInt(2)));
            if (rnd.nextDouble() < special) {
                t.triggerRule(RULES[rnd.nextInt(RULES.length)]).teardown(rnd.nextInt(4) == 0);
            }
            if (rnd.nextDouble() < special) {
                t.fanOut("items", 1 + rnd.nextInt(4));
            }
            int d = rnd.nextInt(maxDeps + 1);
            for (int k = 0; k < d && i > 0; k++) {
                double r = rnd.nextDouble();
                String dep;
                if (r < unknown) {
                    dep = (typos ? "ghost" : "missing-upstream-") + rnd.nextInt(5);
                } else if (r < unknown + typo) {
                    dep = ids[rnd.nextInt(i)].replace("[", "x").replace("]", "") + "x"; // an edit or two away
                } else if (r < unknown + typo + forward) {
                    dep = ids[rnd.nextInt(n)];
                } else {
                    int lo = Math.max(0, i - 50);
                    dep = ids[lo + rnd.nextInt(i - lo)];
                }
                if (dep.equals(ids[i])) {
                    continue; // the builder refuses it
                }
                // a fresh String now and then, so lookups cannot rely on identity
                dep = rnd.nextBoolean() ? new String(dep) : dep;
                if (rnd.nextDouble() < special) {
                    t.dependsOn(dep, rnd.nextBoolean() ? EdgeCondition.onFailure() : EdgeCondition.onCompletion());
                } else {
                    t.dependsOn(dep);
                }
            }
            tasks.add(t.build());
        }
        return new Case(rnd.nextBoolean() ? FailureStrategy.FAIL_FAST : FailureStrategy.CONTINUE, tasks);
    }

    /** Every problem of the report, word for word and in order, as the reference validator reports it. */
    private static void assertSameProblems(ValidationReport report, ReferenceValidator reference, Case wf,
                                           String where) {
        List<String> expected = reference.validate("random", wf.strategy(), wf.tasks()).stream()
                .map(ValidationProblem::toString).toList();
        assertThat(report.problems()).extracting(ValidationProblem::toString).as(where)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void validate_randomWorkflows_matchesTheReferenceWordForWord() {
        long seed = System.nanoTime();
        System.out.println("validate_randomWorkflows seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        WorkflowValidator validator = WorkflowValidator.of(KNOWN);
        ReferenceValidator reference = new ReferenceValidator(HANDLERS, List.of("type0", "type1"));
        for (int round = 0; round < 400; round++) {
            int n = 1 + rnd.nextInt(round < 300 ? 30 : 3_000);
            Case wf = randomWorkflow(rnd, n);
            ValidationReport report = validator.validate("random", wf.strategy(), wf.tasks());
            assertSameProblems(report, reference, wf, "seed " + seed + " round " + round);
            if (wf.uniqueIds()) {
                assertThat(validator.validate(wf.spec()).problems()).isEqualTo(report.problems());
            }
            // the graph comes with every report whose only errors, if any, are cycles or missing handlers
            if (report.errors().stream().allMatch(p -> p.kind() == Kind.CYCLE || p.kind() == Kind.NO_HANDLER)) {
                assertSameGraph(report.graph().orElseThrow(), TaskGraph.of(wf.spec()), seed, round);
            } else {
                assertThat(report.graph()).isEmpty();
            }
        }
    }

    /** Past the size where ids are indexed region by region; repeated ids must still keep their first task. */
    @Test
    void validate_largeWorkflows_matchTheReferenceWordForWord() {
        long seed = System.nanoTime();
        System.out.println("validate_largeWorkflows seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        WorkflowValidator validator = WorkflowValidator.of(HANDLERS);
        ReferenceValidator reference = new ReferenceValidator(HANDLERS, List.of());
        for (int idRange : new int[] {100_000, 100_000_000, 2_000_000}) {
            Case wf = randomWorkflow(rnd, 100_000, idRange, false);
            assertSameProblems(validator.validate("random", wf.strategy(), wf.tasks()), reference, wf,
                    "seed " + seed + " ids " + idRange);
        }
    }

    private static void assertSameGraph(TaskGraph actual, TaskGraph expected, long seed, int round) {
        assertThat(actual.predecessorArray()).as("seed %d round %d", seed, round)
                .isEqualTo(expected.predecessorArray());
        assertThat(actual.successorArray()).isEqualTo(expected.successorArray());
        assertThat(actual.duplicateEdges()).isEqualTo(expected.duplicateEdges());
        List<Integer> starts = new ArrayList<>();
        List<Integer> expectedStarts = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            starts.add(actual.predecessorStart(i) * 31 + actual.successorStart(i));
            expectedStarts.add(expected.predecessorStart(i) * 31 + expected.successorStart(i));
        }
        assertThat(starts).isEqualTo(expectedStarts);
        assertThat(actual.topologicalOrder()).isEqualTo(kahn(expected));
    }

    /** Kahn's algorithm as plainly as it gets, over the public API: ready tasks queue in index order. */
    private static int[] kahn(TaskGraph g) {
        int n = g.size();
        int[] indeg = new int[n];
        java.util.ArrayDeque<Integer> ready = new java.util.ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            indeg[i] = g.inDegree(i);
            if (indeg[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order.add(v);
            for (int e = g.successorStart(v); e < g.successorEnd(v); e++) {
                int s = g.successor(e);
                if (--indeg[s] == 0) {
                    ready.add(s);
                }
            }
        }
        return order.size() == n ? order.stream().mapToInt(Integer::intValue).toArray() : null;
    }
}
