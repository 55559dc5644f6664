package dev.supervisor.core.graph;

/** Builds compressed-sparse-row adjacency from parallel edge arrays. */
final class Csr {
    private Csr() {
    }

    /**
     * @param start filled with n + 1 offsets
     * @return the target array; successors of v are {@code [start[v], start[v + 1])}, in edge order
     */
    static int[] build(int n, int[] from, int[] to, int m, int[] start) {
        for (int e = 0; e < m; e++) {
            start[from[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = new int[n];
        System.arraycopy(start, 0, fill, 0, n);
        int[] adj = new int[m];
        for (int e = 0; e < m; e++) {
            adj[fill[from[e]]++] = to[e];
        }
        return adj;
    }
}
