package dev.supervisor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the workflow and task builders refuse at once (see {@link WorkflowSpec} for what is left to validation). */
class WorkflowSpecBuilderTest {
    private static final TaskType T = TaskType.of("t");

    private static TaskSpec task(String id) {
        return TaskSpec.builder(id, T).build();
    }

    /* ---- fail fast ---- */

    @Test
    void build_noTasks_isRefused() {
        assertThatThrownBy(() -> WorkflowSpec.builder("etl").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workflow 'etl' has no tasks; add at least one with task(...)");
    }

    @Test
    void build_repeatedIds_namesEveryRepeatWithBothPositions() {
        assertThatThrownBy(() -> WorkflowSpec.builder("etl").task(task("a")).task(task("b")).task(task("a"))
                .task(task("b")).task(task("a")).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workflow 'etl' uses task id 'a' for tasks #0 and #2, 'b' for tasks #1 and #3, 'a' for"
                        + " tasks #0 and #4; give each task its own id");
    }

    @Test
    void build_manyRepeatedIds_showsTheFirstFive() {
        WorkflowSpec.Builder b = WorkflowSpec.builder("w");
        for (int i = 0; i < 20; i++) {
            b.task(task("t" + i % 10));
        }
        assertThatThrownBy(b::build).hasMessageEndingWith("'t4' for tasks #4 and #14 and 5 more; give each task its"
                + " own id");
    }

    @Test
    void build_millionDistinctIds_isAccepted() {
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            tasks.add(task("t" + i));
        }
        assertThat(WorkflowSpec.builder("big").tasks(tasks).build().tasks()).hasSize(1_000_000);
    }

    @Test
    void dependsOn_itself_isRefused() {
        assertThatThrownBy(() -> TaskSpec.builder("load", T).dependsOn("extract", "load"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task 'load' cannot depend on itself; remove the dependency");
        assertThatThrownBy(() -> TaskSpec.builder("load", T).dependsOn("load", EdgeCondition.onFailure()))
                .hasMessage("task 'load' cannot depend on itself; remove the dependency");
    }

    @Test
    void dependsOn_idNoTaskCouldHave_isRefusedWithTheIdCleaned() {
        assertThatThrownBy(() -> TaskSpec.builder("load", T).dependsOn("ex tract\n")).isInstanceOf(
                IllegalArgumentException.class).hasMessage("task 'load' depends on 'ex tract\\u000a', which is not"
                + " a valid task id (1-200 characters of [A-Za-z0-9._:-])");
    }

    /* ---- teardown ---- */

    @Test
    void teardown_isOffByDefaultAndSurvivesToBuilder() {
        TaskSpec plain = task("a");
        TaskSpec clean = TaskSpec.builder("clean", T).triggerRule(TriggerRule.ALL_DONE).teardown(true).build();
        assertThat(plain.teardown()).isFalse();
        assertThat(clean.teardown()).isTrue();
        assertThat(clean.toBuilder().build().teardown()).isTrue();
    }

    /* ---- config numbers ---- */

    @Test
    @SuppressWarnings("unchecked")
    void config_numbers_areKeptAsJsonReadsThemBack() {
        Map<String, Object> config = TaskSpec.builder("a", T).config(Map.of("list", List.of(5L, 3_000_000_000L,
                (short) 7, 0.1f, new BigDecimal("2.50"), new BigDecimal("1E+3"), BigInteger.TEN.pow(30),
                BigInteger.ONE, new AtomicLong(9), 1.5))).build().config();
        assertThat((List<Object>) config.get("list")).containsExactly(5, 3_000_000_000L, 7, 0.1, 2.5, 1000,
                BigInteger.TEN.pow(30), 1, 9, 1.5);
        assertThat(((List<?>) config.get("list")).get(0)).isInstanceOf(Integer.class);
        assertThat(((List<?>) config.get("list")).get(3)).isInstanceOf(Double.class);
    }

    @Test
    void config_unknownNumberType_isRefusedNamingThePath() {
        Number odd = new java.util.concurrent.atomic.DoubleAdder();
        assertThatThrownBy(() -> TaskSpec.builder("a", T).config(Map.of("x", odd)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task 'a' config.x is a java.util.concurrent.atomic.DoubleAdder; use Integer, Long,"
                        + " BigInteger, Double or BigDecimal");
    }
}
