package dev.supervisor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelBuildersTest {

    @Test
    void taskType_openStrings_andWellKnownConstants() {
        assertThat(TaskType.of("etl.load").name()).isEqualTo("etl.load");
        assertThat(TaskType.PR_REVIEW).isEqualTo(TaskType.of("PR_REVIEW"));
        assertThatThrownBy(() -> TaskType.of("has space")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'has space'");
    }

    @Test
    void taskType_equalityAndHash_areTheName() {
        assertThat(TaskType.of("a")).isEqualTo(TaskType.of("a")).hasSameHashCodeAs(TaskType.of("a"))
                .isNotEqualTo(TaskType.of("b")).isNotEqualTo("a").isNotEqualTo(null);
        assertThat(java.util.Map.of(TaskType.of("etl.load"), 1)).containsKey(TaskType.of("etl.load"));
    }

    @Test
    void taskId_handWrittenCheck_agreesWithTheDocumentedPattern() {
        java.util.regex.Pattern documented =
                java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,200}(\\[[0-9]{1,5}\\])?");
        long seed = System.nanoTime();
        System.out.println("taskId_handWrittenCheck seed=" + seed);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        String alphabet = "aZ09._:-[] /]x";
        List<String> samples = new ArrayList<>(List.of("", "a", "a[0]", "a[12345]", "a[123456]", "[0]", "a[]", "a[x]",
                "a]", "a[0]]", "x".repeat(200), "x".repeat(201), "x".repeat(200) + "[1]", "é"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(12); k > 0; k--) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            samples.add(sb.toString());
        }
        for (String id : samples) {
            boolean accepted;
            try {
                TaskSpec.builder(id, TaskType.of("t"));
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertThat(accepted).as("seed %d id '%s'", seed, id).isEqualTo(documented.matcher(id).matches());
        }
    }

    @Test
    void priority_values_matchTheOriginScale() {
        assertThat(Priority.values()).extracting(Priority::value).containsExactly(1, 5, 7, 9, 10);
        assertThat(Priority.ofValue(9)).isEqualTo(Priority.URGENT);
        assertThatThrownBy(() -> Priority.ofValue(3)).hasMessageContaining("but was 3");
    }

    @Test
    void taskSpec_config_isDeepCopiedAndImmutable() {
        Map<String, Object> inner = new HashMap<>(Map.of("k", 1));
        List<Object> list = new ArrayList<>(List.of(inner));
        Map<String, Object> config = new HashMap<>(Map.of("items", list));
        TaskSpec t = TaskSpec.builder("a", TaskType.of("t")).config(config).build();
        inner.put("k", 2);
        list.add("late");
        assertThat(t.config()).isEqualTo(Map.of("items", List.of(Map.of("k", 1))));
        assertThatThrownBy(() -> t.config().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void taskSpec_nonJsonConfig_isRejectedNamingThePath() {
        assertThatThrownBy(() -> TaskSpec.builder("a", TaskType.of("t")).config(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task 'a' config.when");
        assertThatThrownBy(() -> TaskSpec.builder("a", TaskType.of("t")).config(Map.of("x", Double.NaN)))
                .hasMessageContaining("JSON cannot represent");
    }

    @Test
    void taskSpec_badValues_failFast() {
        assertThatThrownBy(() -> TaskSpec.builder("bad id", TaskType.of("t"))).hasMessageContaining("'bad id'");
        assertThatThrownBy(() -> TaskSpec.builder("a", TaskType.of("t")).timeout(Duration.ZERO))
                .hasMessage("timeout of task 'a' must be positive but was PT0S");
        assertThatThrownBy(() -> TaskSpec.builder("a", TaskType.of("t")).estimatedDuration(Duration.ofSeconds(-1)))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void edgeCondition_customNeedsExpression_othersRefuseOne() {
        assertThat(EdgeCondition.custom("x > 1").expression()).isEqualTo("x > 1");
        assertThatThrownBy(() -> new EdgeCondition(EdgeCondition.Kind.CUSTOM, " ")).hasMessageContaining("needs an");
        assertThatThrownBy(() -> new EdgeCondition(EdgeCondition.Kind.SUCCESS, "x")).hasMessageContaining("only a");
    }

    @Test
    void taskState_terminalAndFailureSets() {
        assertThat(TaskState.RETRY_WAIT.isTerminal()).isFalse();
        assertThat(TaskState.UPSTREAM_FAILED.isFailure()).isTrue();
        assertThat(TaskState.SKIPPED.isFailure()).isFalse();
        assertThat(TaskState.SKIPPED.isTerminal()).isTrue();
    }
}
