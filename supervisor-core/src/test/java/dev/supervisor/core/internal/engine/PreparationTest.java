package dev.supervisor.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.expr.ExpressionConfig;
import dev.supervisor.core.expr.ExpressionEngine;
import dev.supervisor.core.graph.WorkflowValidator;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import dev.supervisor.core.graph.TaskGraph;
import org.junit.jupiter.api.Test;

class PreparationTest {
    private static final TaskType WORK = TaskType.of("work");
    private final Map<TaskType, TaskHandler> handlers = Map.of(WORK, ctx -> null);

    private Preparation preparation(long cacheWeight) {
        return new Preparation(handlers, new HashMap<>(), new HashMap<>(), WorkflowValidator.of(handlers::containsKey),
                ExpressionEngine.create(ExpressionConfig.builder().build()), cacheWeight);
    }

    private static WorkflowSpec chain(int n) {
        WorkflowSpec.Builder b = WorkflowSpec.builder("chain-" + n);
        for (int i = 0; i < n; i++) {
            TaskSpec.Builder t = TaskSpec.builder("t" + i, WORK);
            b.task(i == 0 ? t.build() : t.dependsOn("t" + (i - 1)).build());
        }
        return b.build();
    }

    @Test
    void prepare_sameSpecTwice_validatesAndIndexesItOnce() {
        Preparation p = preparation(Preparation.CACHE_WEIGHT);
        WorkflowSpec spec = chain(10);
        assertThat(p.prepare(spec).graph()).isSameAs(p.prepare(spec).graph());
        assertThat(p.prepare(chain(10)).graph()).isNotSameAs(p.prepare(spec).graph()); // equal is not the same
    }

    @Test
    void prepare_specBeyondTheTaskBound_isNotKept_whileASmallerOneIs() {
        // Room for a 500-task spec (500 + entry weight 1,000), not for one of 2,500 tasks.
        Preparation p = preparation(2_000);
        WorkflowSpec big = chain(2_500);
        assertThat(p.prepare(big).graph()).isNotSameAs(p.prepare(big).graph());
        WorkflowSpec small = chain(500);
        assertThat(p.prepare(small).graph()).isSameAs(p.prepare(small).graph());
    }

    @Test
    void forWorkers_withoutAFullPreparation_indexesEveryTaskAndEdgeAsTheFullOneDoes() {
        long seed = System.nanoTime();
        System.out.println("forWorkers seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 300; round++) {
            WorkflowSpec wf = randomDag(random);
            Work full = preparation(Preparation.CACHE_WEIGHT).prepare(wf).work();
            Work light = preparation(Preparation.CACHE_WEIGHT).forWorkers(wf);
            // Tasks and handlers first: without fan-out the light one answers them before building a graph.
            assertThat(light.size()).as("seed %d round %d", seed, round).isEqualTo(full.size());
            for (int i = 0; i < full.size(); i++) {
                assertThat(light.id(i)).as("seed %d", seed).isEqualTo(full.id(i));
                assertThat(light.task(i).toString()).isEqualTo(full.task(i).toString());
                assertThat(light.task(i).dependencies()).isEqualTo(full.task(i).dependencies());
                assertThat(light.handler(i)).isSameAs(full.handler(i));
            }
            TaskGraph f = full.graph();
            TaskGraph l = light.graph();
            assertThat(l.size()).isEqualTo(f.size());
            for (int i = 0; i < f.size(); i++) {
                assertThat(edges(l, i, true)).as("predecessors, seed %d", seed).isEqualTo(edges(f, i, true));
                assertThat(edges(l, i, false)).as("successors, seed %d", seed).isEqualTo(edges(f, i, false));
            }
            assertThat(light.plan() == null).isEqualTo(full.plan() == null);
            if (full.plan() != null) {
                assertThat(light.plan().instanceNo).isEqualTo(full.plan().instanceNo);
            }
        }
    }

    @Test
    void forWorkers_afterAFullPreparation_usesIt() {
        Preparation p = preparation(Preparation.CACHE_WEIGHT);
        WorkflowSpec spec = chain(10);
        TaskGraph full = p.prepare(spec).graph();
        assertThat(p.forWorkers(spec).graph()).isSameAs(full);
    }

    private static java.util.List<Integer> edges(TaskGraph g, int i, boolean in) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        if (in) {
            int[] pred = dev.supervisor.core.graph.internal.GraphArrays.predecessors(g);
            for (int e = g.predecessorStart(i); e < g.predecessorEnd(i); e++) {
                out.add(pred[e]);
            }
        } else {
            for (int e = g.successorStart(i); e < g.successorEnd(i); e++) {
                out.add(g.successor(e));
            }
        }
        return out;
    }

    /** Dependencies in random order, some declared twice, some tasks fanned out over an upstream's output. */
    private static WorkflowSpec randomDag(SplittableRandom random) {
        int n = 1 + random.nextInt(30);
        WorkflowSpec.Builder b = WorkflowSpec.builder("random");
        for (int i = 0; i < n; i++) {
            TaskSpec.Builder t = TaskSpec.builder("t" + i, WORK);
            java.util.List<String> deps = new java.util.ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (random.nextInt(4) == 0) {
                    deps.add("t" + j);
                }
            }
            java.util.Collections.shuffle(deps, new java.util.Random(random.nextLong()));
            if (!deps.isEmpty() && random.nextInt(5) == 0) {
                deps.add(deps.get(0)); // declared twice: merged
            }
            for (String d : deps) {
                t.dependsOn(d);
            }
            if (!deps.isEmpty() && random.nextInt(6) == 0) {
                t.fanOut("tasks['" + deps.get(0) + "'].output", 1 + random.nextInt(4));
            }
            b.task(t);
        }
        return b.build();
    }
}
