package dev.supervisor.benchmarks.engine;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import java.util.SplittableRandom;

/**
 * The benchmark DAG: {@code layers} layers of {@code width} tasks; every task after the first layer depends on
 * two distinct random tasks of the previous layer (seeded, so every implementation gets the same graph).
 */
final class LayeredDag {
    static final TaskType NOOP = TaskType.of("noop");

    final int n;
    final int[][] parents;

    LayeredDag(int layers, int width, long seed) {
        this.n = layers * width;
        this.parents = new int[n][];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int layer = i / width;
            if (layer == 0) {
                parents[i] = new int[0];
            } else {
                int base = (layer - 1) * width;
                int a = base + rnd.nextInt(width);
                int b = base + rnd.nextInt(width);
                parents[i] = a == b ? new int[] {a} : new int[] {a, b};
            }
        }
    }

    WorkflowSpec workflow() {
        WorkflowSpec.Builder b = WorkflowSpec.builder("bench");
        for (int i = 0; i < n; i++) {
            String[] deps = new String[parents[i].length];
            for (int k = 0; k < deps.length; k++) {
                deps[k] = "t" + parents[i][k];
            }
            b.task(TaskSpec.builder("t" + i, NOOP).dependsOn(deps).build());
        }
        return b.build();
    }

    /** Successor lists in compressed form, for the bare Kahn baseline. */
    int[][] successors() {
        int[] count = new int[n];
        for (int[] ps : parents) {
            for (int p : ps) {
                count[p]++;
            }
        }
        int[][] succ = new int[n][];
        for (int i = 0; i < n; i++) {
            succ[i] = new int[count[i]];
        }
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p : parents[i]) {
                succ[p][fill[p]++] = i;
            }
        }
        return succ;
    }
}
