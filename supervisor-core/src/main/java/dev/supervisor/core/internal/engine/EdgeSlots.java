package dev.supervisor.core.internal.engine;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.internal.GraphArrays;
import java.util.List;

/**
 * Per-edge data is declared on dependencies (the predecessor side) but read during propagation along successor
 * slots; these helpers line the two up once per workflow.
 */
final class EdgeSlots {
    private EdgeSlots() {
    }

    /** Receives each distinct dependency of a task with the predecessor slot the graph gave it. */
    interface DependencyVisitor {
        void visit(int task, Dependency dependency, int predSlot);
    }

    /**
     * One walk over every dependency (the spec objects are spread over the heap, so walks are what costs here).
     *
     * @return the edge-condition kinds present, as a bit set over {@link EdgeCondition.Kind} ordinals
     */
    static int kinds(TaskGraph g) {
        int all = (1 << EdgeCondition.Kind.values().length) - 1;
        int found = 0;
        for (int i = 0; i < g.size() && found != all; i++) {
            List<Dependency> deps = g.task(i).dependencies();
            for (int k = 0, m = deps.size(); k < m; k++) {
                found |= 1 << deps.get(k).condition().kind().ordinal();
            }
        }
        return found;
    }

    /** @return whether the bit set from {@link #kinds} holds {@code kind} */
    static boolean has(int kinds, EdgeCondition.Kind kind) {
        return (kinds & (1 << kind.ordinal())) != 0;
    }

    /** Visits first occurrences only: the graph merged repeated declarations into the first one's slot. */
    static void forEachDependency(TaskGraph g, DependencyVisitor visitor) {
        int[] pred = GraphArrays.predecessors(g);
        for (int i = 0; i < g.size(); i++) {
            int start = g.predecessorStart(i);
            int k = start;
            List<Dependency> deps = g.task(i).dependencies();
            for (Dependency d : deps) {
                int p = g.indexOf(d.taskId());
                boolean seen = false;
                for (int e = start; e < k && !seen; e++) {
                    seen = pred[e] == p;
                }
                if (!seen) {
                    visitor.visit(i, d, k++);
                }
            }
        }
    }

    /** @return for each predecessor slot, the successor slot of the same edge */
    static int[] predToSucc(TaskGraph g) {
        int n = g.size();
        int[] pred = GraphArrays.predecessors(g);
        int[] fill = new int[n];
        for (int p = 0; p < n; p++) {
            fill[p] = g.successorStart(p);
        }
        int[] map = new int[pred.length];
        for (int i = 0; i < n; i++) {
            for (int e = g.predecessorStart(i); e < g.predecessorEnd(i); e++) {
                map[e] = fill[pred[e]]++;
            }
        }
        return map;
    }
}
