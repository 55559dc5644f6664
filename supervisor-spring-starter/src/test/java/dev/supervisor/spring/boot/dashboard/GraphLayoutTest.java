package dev.supervisor.spring.boot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The layered layout of a run's graph: columns are topological levels, rows avoid crossings. */
class GraphLayoutTest {
    private static final TaskType WORK = TaskType.of("work");

    @Test
    void of_untanglesTwoCrossedEdges() {
        WorkflowSpec w = WorkflowSpec.builder("crossed")
                .task(TaskSpec.builder("a", WORK)).task(TaskSpec.builder("b", WORK))
                .task(TaskSpec.builder("x", WORK).dependsOn("b"))
                .task(TaskSpec.builder("y", WORK).dependsOn("a")).build();
        assertThat(GraphLayout.of(w, 0).adjacentCrossings()).isEqualTo(1);
        GraphLayout layout = GraphLayout.of(w);
        assertThat(layout.adjacentCrossings()).isZero();
        int x = layout.graph.indexOf("x");
        int y = layout.graph.indexOf("y");
        assertThat(layout.level[x]).isEqualTo(1);
        assertThat(layout.row[y]).as("y sits beside a, x beside b").isLessThan(layout.row[x]);
    }

    @Test
    void of_twoThousandRandomTasks_placesEachOnceOnItsLevel_withFewerCrossings() {
        long seed = 20261207L;
        System.out.println("GraphLayoutTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        WorkflowSpec.Builder b = WorkflowSpec.builder("big");
        int n = 2000;
        for (int i = 0; i < n; i++) {
            TaskSpec.Builder t = TaskSpec.builder("t" + i, WORK).estimatedDuration(Duration.ofMillis(
                    1 + random.nextInt(1000)));
            if (i > 0) {
                int up1 = i - 1 - random.nextInt(Math.min(i, 60));
                int up2 = i - 1 - random.nextInt(Math.min(i, 60));
                t.dependsOn("t" + up1);
                if (up2 != up1) {
                    t.dependsOn("t" + up2);
                }
            }
            b.task(t);
        }
        WorkflowSpec w = b.build();
        GraphLayout layout = GraphLayout.of(w);
        Set<Long> places = new HashSet<>();
        for (int i = 0; i < n; i++) {
            assertThat(layout.row[i]).isBetween(0, layout.columns[layout.level[i]].length - 1);
            assertThat(places.add(((long) layout.level[i] << 32) | layout.row[i])).isTrue();
            int[] pred = layout.graph.predecessorArray();
            for (int e = layout.graph.predecessorStart(i); e < layout.graph.predecessorEnd(i); e++) {
                assertThat(layout.level[pred[e]]).isLessThan(layout.level[i]);
            }
        }
        long before = GraphLayout.of(w, 0).adjacentCrossings();
        long after = layout.adjacentCrossings();
        System.out.printf("2000 tasks: %d levels, crossings %d in task order, %d after the sweeps%n",
                layout.columns.length, before, after);
        assertThat(after).isLessThan(before);
        assertThat(layout.analysis.criticalPath()).isNotEmpty();
    }
}
