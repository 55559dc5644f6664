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
}
