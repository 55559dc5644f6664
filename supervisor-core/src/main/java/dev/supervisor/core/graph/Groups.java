package dev.supervisor.core.graph;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.ValidationProblem.Kind;
import dev.supervisor.core.graph.internal.Finding;
import java.util.ArrayList;
import java.util.List;

/** Finds the independent groups of a workflow (union-find over the declared edges). */
final class Groups {
    private static final int GROUPS_SHOWN = 5;

    private Groups() {
    }

    /**
     * Groups of the graph as declared; a task repeating an earlier id (marked in {@code duplicate}, null if none) is
     * not a group of its own.
     */
    static void disconnected(List<TaskSpec> tasks, boolean[] duplicate, int[] predStart, int[] pred,
                                     boolean acyclic, List<ValidationProblem> warnings) {
        int n = tasks.size();
        if (acyclic) {
            // Following predecessors from any task ends at a task without any: with one such task, one group.
            int sources = 0;
            for (int i = 0; i < n && sources < 2; i++) {
                if (predStart[i] == predStart[i + 1]) {
                    sources++;
                }
            }
            if (sources < 2) {
                return;
            }
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int b = root(parent, i);
            for (int e = predStart[i]; e < predStart[i + 1]; e++) {
                int a = root(parent, pred[e]);
                if (a != b) {
                    // keep the smaller index as root so groups are named by their first task
                    parent[Math.max(a, b)] = Math.min(a, b);
                    b = Math.min(a, b);
                }
            }
        }
        // Parents have lower indexes than their children, so one ascending sweep points every task at its root.
        for (int i = 0; i < n; i++) {
            parent[i] = parent[parent[i]];
        }
        // A root that has a member counted holds -1 - (its group's size) from then on.
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (duplicate == null || !duplicate[i]) {
                int r = parent[i];
                if (parent[r] >= 0) {
                    parent[r] = -1;
                    groups++;
                }
                parent[r]--;
            }
        }
        if (groups < 2) {
            return;
        }
        List<String> firsts = new ArrayList<>();
        StringBuilder sb = new StringBuilder("workflow falls apart into " + groups + " independent groups: ");
        for (int i = 0, shown = 0; i < n && shown < GROUPS_SHOWN; i++) {
            if (parent[i] < 0) {
                int size = -1 - parent[i];
                firsts.add(tasks.get(i).id());
                sb.append(shown == 0 ? "" : ", ").append('\'').append(tasks.get(i).id()).append("' (")
                        .append(size).append(size == 1 ? " task)" : " tasks)");
                shown++;
            }
        }
        if (groups > GROUPS_SHOWN) {
            sb.append(", …");
        }
        sb.append("; if they belong together, add the dependencies between them, else run them as separate"
                + " workflows");
        warnings.add(new Finding(Kind.DISCONNECTED, firsts, sb.toString()));
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }
}
