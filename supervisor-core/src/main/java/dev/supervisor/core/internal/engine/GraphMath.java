package dev.supervisor.core.internal.engine;

import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.internal.GraphArrays;

/**
 * Array passes over a {@link TaskGraph} that the engine needs at submit time.
 */
final class GraphMath {
    private GraphMath() {
    }

    /**
     * Longest estimated path (in milliseconds) from each task to a sink, the task itself included: the
     * critical-path rank used to order ready tasks of equal priority.
     */
    static long[] estimates(TaskGraph g) {
        long[] own = new long[g.size()];
        for (int i = 0; i < own.length; i++) {
            own[i] = g.task(i).estimatedDuration().toMillis();
        }
        return own;
    }

    static long[] remainingWork(TaskGraph g, int[] topo, long[] own) {
        int n = g.size();
        long[] rank = new long[n];
        int[] succ = GraphArrays.successors(g);
        for (int k = n - 1; k >= 0; k--) {
            int v = topo[k];
            long best = 0;
            for (int e = g.successorStart(v); e < g.successorEnd(v); e++) {
                best = Math.max(best, rank[succ[e]]);
            }
            rank[v] = best + own[v];
        }
        return rank;
    }
}
