package dev.supervisor.core.internal.engine;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.core.graph.TaskGraph;
import java.util.List;
import java.util.Set;

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

    /** @return whether some dependency of some task has an edge condition of a kind in {@code kinds} */
    static boolean anyEdge(TaskGraph g, Set<EdgeCondition.Kind> kinds) {
        for (int i = 0; i < g.size(); i++) {
            for (Dependency d : g.task(i).dependencies()) {
                if (kinds.contains(d.condition().kind())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Visits first occurrences only: the graph merged repeated declarations into the first one's slot. */
    static void forEachDependency(TaskGraph g, DependencyVisitor visitor) {
        int[] pred = g.predecessorArray();
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
        int[] pred = g.predecessorArray();
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
