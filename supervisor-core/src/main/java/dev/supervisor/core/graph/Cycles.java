package dev.supervisor.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds one cycle per strongly connected component with Tarjan's algorithm on an explicit stack (no recursion).
 * Each cycle is the shortest one through the component's lowest-index task, found by breadth-first search, so the
 * answer depends only on the graph, not on iteration accidents.
 */
final class Cycles {
    private Cycles() {
    }

    /**
     * @param limit most cycles to return
     * @return cycles as index paths whose last element repeats the first, ordered by that first index
     */
    static List<int[]> find(int n, int[] start, int[] succ, int limit) {
        int[] comp = components(n, start, succ);
        int[] compSize = new int[n];
        int[] lowest = new int[n];
        Arrays.fill(lowest, Integer.MAX_VALUE);
        for (int v = 0; v < n; v++) {
            compSize[comp[v]]++;
            lowest[comp[v]] = Math.min(lowest[comp[v]], v);
        }
        List<int[]> cycles = new ArrayList<>();
        int[] prev = new int[n];
        Arrays.fill(prev, -2);
        int[] queue = new int[n];
        for (int v = 0; v < n && cycles.size() < limit; v++) {
            if (compSize[comp[v]] > 1 && lowest[comp[v]] == v) {
                cycles.add(shortestCycle(v, comp, start, succ, prev, queue));
            }
        }
        return cycles;
    }

    private static int[] components(int n, int[] start, int[] succ) {
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] sccStack = new int[n];
        int sccTop = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        int compCount = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int top = 0;
            callNode[0] = root;
            callEdge[0] = start[root];
            index[root] = low[root] = counter++;
            sccStack[sccTop++] = root;
            onStack[root] = true;
            while (top >= 0) {
                int v = callNode[top];
                if (callEdge[top] < start[v + 1]) {
                    int w = succ[callEdge[top]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        sccStack[sccTop++] = w;
                        onStack[w] = true;
                        top++;
                        callNode[top] = w;
                        callEdge[top] = start[w];
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = sccStack[--sccTop];
                            onStack[w] = false;
                            comp[w] = compCount;
                        } while (w != v);
                        compCount++;
                    }
                    top--;
                    if (top >= 0) {
                        int parent = callNode[top];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
        }
        return comp;
    }

    /** {@code prev} comes in filled with -2 and is restored before returning, so it is allocated once. */
    private static int[] shortestCycle(int s, int[] comp, int[] start, int[] succ, int[] prev, int[] queue) {
        int c = comp[s];
        int head = 0;
        int tail = 0;
        queue[tail++] = s;
        prev[s] = -1;
        int last = -1;
        search:
        while (head < tail) {
            int v = queue[head++];
            for (int e = start[v]; e < start[v + 1]; e++) {
                int w = succ[e];
                if (comp[w] != c) {
                    continue;
                }
                if (w == s) {
                    last = v;
                    break search;
                }
                if (prev[w] == -2) {
                    prev[w] = v;
                    queue[tail++] = w;
                }
            }
        }
        List<Integer> back = new ArrayList<>();
        for (int v = last; v != -1; v = prev[v]) {
            back.add(v);
        }
        int[] path = new int[back.size() + 1];
        for (int i = 0; i < back.size(); i++) {
            path[i] = back.get(back.size() - 1 - i);
        }
        path[back.size()] = s;
        for (int i = 0; i < tail; i++) {
            prev[queue[i]] = -2;
        }
        return path;
    }
}
