package dev.supervisor.spring.boot.dashboard;

import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.TaskTiming;
import dev.supervisor.core.graph.WorkflowAnalysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A layered drawing of a workflow: each task's column is its topological level from {@link WorkflowAnalysis}, and
 * its row within the column comes from a few barycentre sweeps (each task moves towards the mean row of its
 * neighbours in the levels already placed), which removes most edge crossings in linear time per sweep. Also
 * carries the analysis' critical path from the tasks' estimated durations.
 */
final class GraphLayout {
    private static final int SWEEPS = 4;
    final TaskGraph graph;
    final WorkflowAnalysis analysis;
    final int[] level;
    final int[] row;
    final int[][] columns;

    private GraphLayout(WorkflowSpec workflow, int sweeps) {
        analysis = WorkflowAnalysis.of(workflow);
        graph = analysis.graph();
        int n = graph.size();
        level = new int[n];
        int levels = analysis.levelCount();
        int[] width = new int[Math.max(1, levels)];
        for (int i = 0; i < n; i++) {
            level[i] = analysis.timing(i).level();
            width[level[i]]++;
        }
        columns = new int[levels][];
        int[] fill = new int[levels];
        for (int l = 0; l < levels; l++) {
            columns[l] = new int[width[l]];
        }
        for (int i = 0; i < n; i++) {
            columns[level[i]][fill[level[i]]++] = i;
        }
        row = new int[n];
        renumber();
        for (int s = 0; s < sweeps; s++) {
            boolean down = s % 2 == 0;
            for (int k = 1; k < levels; k++) {
                int l = down ? k : levels - 1 - k;
                reorder(l, down);
            }
        }
    }

    /**
     * @param workflow a valid workflow
     * @return its layout
     * @throws IllegalArgumentException if the workflow has a cycle or unknown dependencies
     */
    static GraphLayout of(WorkflowSpec workflow) {
        return new GraphLayout(workflow, SWEEPS);
    }

    /** @return the layout after this many sweeps (0: rows in task order), to measure what the sweeps gain */
    static GraphLayout of(WorkflowSpec workflow, int sweeps) {
        return new GraphLayout(workflow, sweeps);
    }

    /** @return the timing of task {@code i} (level, estimated duration, slack) */
    TaskTiming timing(int i) {
        return analysis.timing(i);
    }

    /** @return crossings between edges that join adjacent levels; a figure of the drawing's quality */
    long adjacentCrossings() {
        long crossings = 0;
        int[] succ = graph.successorArray();
        for (int l = 0; l + 1 < columns.length; l++) {
            List<int[]> edges = new ArrayList<>();
            for (int v : columns[l]) {
                for (int e = graph.successorStart(v); e < graph.successorEnd(v); e++) {
                    if (level[succ[e]] == l + 1) {
                        edges.add(new int[] {row[v], row[succ[e]]});
                    }
                }
            }
            for (int a = 0; a < edges.size(); a++) {
                for (int b = a + 1; b < edges.size(); b++) {
                    int[] x = edges.get(a);
                    int[] y = edges.get(b);
                    if ((long) Integer.compare(x[0], y[0]) * Integer.compare(x[1], y[1]) < 0) {
                        crossings++;
                    }
                }
            }
        }
        return crossings;
    }

    /** Sorts one level by the mean relative row of its neighbours on the side already placed. */
    private void reorder(int l, boolean down) {
        int[] col = columns[l];
        double[] key = new double[graph.size()];
        int[] adj = down ? graph.predecessorArray() : graph.successorArray();
        for (int v : col) {
            int from = down ? graph.predecessorStart(v) : graph.successorStart(v);
            int to = down ? graph.predecessorEnd(v) : graph.successorEnd(v);
            double sum = 0;
            for (int e = from; e < to; e++) {
                int u = adj[e];
                sum += (row[u] + 0.5) / columns[level[u]].length;
            }
            key[v] = to > from ? sum / (to - from) : (row[v] + 0.5) / col.length;
        }
        Integer[] boxed = Arrays.stream(col).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingDouble((Integer v) -> key[v]).thenComparingInt(v -> row[v]));
        for (int r = 0; r < boxed.length; r++) {
            col[r] = boxed[r];
            row[boxed[r]] = r;
        }
    }

    private void renumber() {
        for (int[] col : columns) {
            for (int r = 0; r < col.length; r++) {
                row[col[r]] = r;
            }
        }
    }
}
