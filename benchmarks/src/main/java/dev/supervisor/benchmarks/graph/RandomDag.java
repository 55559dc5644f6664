package dev.supervisor.benchmarks.graph;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import java.time.Duration;
import java.util.SplittableRandom;

/** A seeded DAG of n tasks and about 2n edges: every task after the first depends on 2 of the 1,000 before it. */
final class RandomDag {
    private RandomDag() {
    }

    static WorkflowSpec build(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TaskType type = TaskType.of("t");
        WorkflowSpec.Builder b = WorkflowSpec.builder("random");
        for (int i = 0; i < n; i++) {
            TaskSpec.Builder t = TaskSpec.builder("t" + i, type)
                    .estimatedDuration(Duration.ofMillis(1 + rnd.nextInt(1000)));
            if (i > 0) {
                int lo = Math.max(0, i - 1000);
                t.dependsOn("t" + (lo + rnd.nextInt(i - lo)), "t" + (lo + rnd.nextInt(i - lo)));
            }
            b.task(t.build());
        }
        return b.build();
    }
}
