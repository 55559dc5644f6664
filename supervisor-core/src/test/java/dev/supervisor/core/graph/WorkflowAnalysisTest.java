package dev.supervisor.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.junit.jupiter.api.Test;

class WorkflowAnalysisTest {
    private static final TaskType T = TaskType.of("t");

    private static TaskSpec task(String id, long seconds, String... deps) {
        return TaskSpec.builder(id, T).estimatedDuration(Duration.ofSeconds(seconds)).dependsOn(deps).build();
    }

    private static WorkflowSpec diamond() {
        return WorkflowSpec.builder("d").task(task("a", 10)).task(task("b", 20, "a")).task(task("c", 5, "a"))
                .task(task("d", 10, "b", "c")).build();
    }

    @Test
    void analysis_diamond_matchesHandComputedSchedule() {
        WorkflowAnalysis a = WorkflowAnalysis.of(diamond());

        assertThat(a.levels()).containsExactly(List.of("a"), List.of("b", "c"), List.of("d"));
        assertThat(a.criticalPath()).containsExactly("a", "b", "d");
        assertThat(a.criticalPathDuration()).isEqualTo(Duration.ofSeconds(40));
        assertThat(a.sequentialDuration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(a.maxWidth()).isEqualTo(2);
        assertThat(a.speedupBound()).isEqualTo(45.0 / 40.0);
        TaskTiming c = a.timing("c");
        assertThat(c.earliestStart()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.latestStart()).isEqualTo(Duration.ofSeconds(25));
        assertThat(c.slack()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.isCritical()).isFalse();
        assertThat(a.timing("d").earliestStart()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.remainingWorkNanos(0)).isEqualTo(Duration.ofSeconds(40).toNanos());
    }

    @Test
    void analysis_cycle_isRefused() {
        WorkflowSpec wf = WorkflowSpec.builder("c").task(task("a", 1, "b")).task(task("b", 1, "a")).build();
        assertThatThrownBy(() -> WorkflowAnalysis.of(wf)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void analysis_seededRandomDags_agreeWithJGraphTOracle() {
        long seed = System.nanoTime();
        System.out.println("analysis_seededRandomDags seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int round = 0; round < 20; round++) {
            int n = 1 + rnd.nextInt(300);
            WorkflowSpec.Builder b = WorkflowSpec.builder("r" + round);
            for (int i = 0; i < n; i++) {
                List<String> deps = new ArrayList<>();
                for (int k = rnd.nextInt(Math.min(i, 5) + 1); k > 0; k--) {
                    deps.add("t" + rnd.nextInt(i));
                }
                b.task(task("t" + i, rnd.nextInt(100), deps.toArray(new String[0])));
            }
            WorkflowSpec wf = b.build();
            TaskGraph g = TaskGraph.of(wf);
            WorkflowAnalysis a = WorkflowAnalysis.of(g);

            Graph<String, DefaultEdge> jg = GraphExport.toJGraphT(g);
            Map<String, Long> finish = new HashMap<>();
            Map<String, Integer> level = new HashMap<>();
            long makespan = 0;
            TopologicalOrderIterator<String, DefaultEdge> it = new TopologicalOrderIterator<>(jg);
            while (it.hasNext()) {
                String v = it.next();
                long start = 0;
                int lv = 0;
                for (DefaultEdge e : jg.incomingEdgesOf(v)) {
                    String p = jg.getEdgeSource(e);
                    start = Math.max(start, finish.get(p));
                    lv = Math.max(lv, level.get(p) + 1);
                }
                long f = start + g.task(g.indexOf(v)).estimatedDuration().toNanos();
                finish.put(v, f);
                level.put(v, lv);
                makespan = Math.max(makespan, f);
                assertThat(a.timing(v).level()).as("seed %d level of %s", seed, v).isEqualTo(lv);
            }
            assertThat(a.criticalPathDuration().toNanos()).as("seed %d", seed).isEqualTo(makespan);
            long pathSum = a.criticalPath().stream().mapToLong(id -> g.task(g.indexOf(id)).estimatedDuration()
                    .toNanos()).sum();
            assertThat(pathSum).as("seed %d: critical path adds up", seed).isEqualTo(makespan);
            int[] order = a.topologicalOrder();
            int[] pos = new int[n];
            for (int k = 0; k < n; k++) {
                pos[order[k]] = k;
            }
            for (DefaultEdge e : jg.edgeSet()) {
                assertThat(pos[g.indexOf(jg.getEdgeSource(e))]).isLessThan(pos[g.indexOf(jg.getEdgeTarget(e))]);
            }
        }
    }

    @Test
    void graphArrays_areCopies_theGraphCannotBeChangedThroughThem() {
        TaskGraph g = TaskGraph.of(diamond());
        WorkflowAnalysis a = WorkflowAnalysis.of(g);

        g.successorArray()[0] = 3;
        g.predecessorArray()[0] = 3;
        g.topologicalOrder()[0] = 3;
        a.topologicalOrder()[0] = 3;

        assertThat(g.successors(0)).containsExactly(1, 2);
        assertThat(g.predecessors(3)).containsExactlyInAnyOrder(1, 2);
        assertThat(g.successor(g.successorStart(1))).isEqualTo(3);
        assertThat(g.predecessor(g.predecessorStart(1))).isZero();
        assertThat(g.topologicalOrder()).containsExactly(0, 1, 2, 3);
        assertThat(a.topologicalOrder()).containsExactly(0, 1, 2, 3);
        assertThat(g.successorArray()).containsExactly(1, 2, 3, 3);
    }

    @Test
    void analysis_millionTaskChain_isIterative() {
        WorkflowSpec.Builder b = WorkflowSpec.builder("chain").task(task("t0", 1));
        for (int i = 1; i < 1_000_000; i++) {
            b.task(task("t" + i, 1, "t" + (i - 1)));
        }
        WorkflowAnalysis a = WorkflowAnalysis.of(b.build());
        assertThat(a.criticalPath()).hasSize(1_000_000);
        assertThat(a.maxWidth()).isEqualTo(1);
    }

    /* ---- exports ---- */

    @Test
    void export_jgrapht_hasEveryTaskAndEdge() {
        Graph<String, DefaultEdge> g = GraphExport.toJGraphT(TaskGraph.of(diamond()));
        assertThat(g.vertexSet()).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(g.edgeSet()).hasSize(4);
        assertThat(g.containsEdge("a", "b")).isTrue();
        assertThat(g.containsEdge("b", "a")).isFalse();
    }

    @Test
    void export_dot_marksCriticalPathAndEscapesNames() {
        WorkflowSpec wf = WorkflowSpec.builder("w").task(TaskSpec.builder("a", T).name("say \"hi\"").build())
                .task(task("b", 1, "a")).build();
        TaskGraph g = TaskGraph.of(wf);
        String dot = GraphExport.toDot(g, WorkflowAnalysis.of(g));
        assertThat(dot).startsWith("digraph workflow {").contains("\"a\" [label=\"say \\\"hi\\\"\", color=red")
                .contains("\"a\" -> \"b\" [color=red, penwidth=2];");
    }

    @Test
    void export_mermaid_escapesSyntaxCharacters() {
        WorkflowSpec wf = WorkflowSpec.builder("w").task(TaskSpec.builder("a", T).name("x[1] --> <y>").build())
                .task(task("b", 1, "a")).build();
        String m = GraphExport.toMermaid(TaskGraph.of(wf));
        assertThat(m).isEqualTo("flowchart LR\n  n0[\"x#91;1#93; --#gt; #lt;y#gt;\"]\n  n1[\"b\"]\n  n0 --> n1\n");
    }
}
