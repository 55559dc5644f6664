package dev.supervisor.core.internal.engine;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.core.graph.TaskGraph;
import java.util.List;

/**
 * Edge conditions laid out along the successor arrays, so propagation reads an edge's condition with the same
 * index it uses to find the successor.
 */
final class EdgeKinds {
    static final byte SUCCESS = 0;
    static final byte FAILURE = 1;
    static final byte COMPLETION = 2;
    static final byte CUSTOM = 3;

    private EdgeKinds() {
    }

    /** @return one kind per successor slot, or null when every edge is a plain SUCCESS edge */
    static byte[] bySuccessorSlot(TaskGraph g) {
        int n = g.size();
        boolean any = false;
        for (int i = 0; i < n && !any; i++) {
            for (Dependency d : g.task(i).dependencies()) {
                if (d.condition().kind() != EdgeCondition.Kind.SUCCESS) {
                    any = true;
                    break;
                }
            }
        }
        if (!any) {
            return null;
        }
        int[] pred = g.predecessorArray();
        byte[] byPred = new byte[pred.length];
        for (int i = 0; i < n; i++) {
            TaskSpec t = g.task(i);
            int start = g.predecessorStart(i);
            int k = start;
            List<Dependency> deps = t.dependencies();
            for (Dependency d : deps) {
                int p = g.indexOf(d.taskId());
                if (!contains(pred, start, k, p)) {
                    byPred[k++] = (byte) d.condition().kind().ordinal();
                }
            }
        }
        int[] fill = new int[n];
        for (int p = 0; p < n; p++) {
            fill[p] = g.successorStart(p);
        }
        byte[] bySucc = new byte[pred.length];
        for (int i = 0; i < n; i++) {
            for (int e = g.predecessorStart(i); e < g.predecessorEnd(i); e++) {
                bySucc[fill[pred[e]]++] = byPred[e];
            }
        }
        return bySucc;
    }

    private static boolean contains(int[] a, int from, int to, int v) {
        for (int i = from; i < to; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }
}
