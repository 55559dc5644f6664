package dev.supervisor.analytics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.supervisor.api.TaskState;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricsCollectorTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void percentiles_matchTheExactOnesWithinHistogramPrecision() {
        MetricsCollector m = new MetricsCollector();
        long seed = System.nanoTime();
        System.out.println("percentiles seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] ms = new long[10_000];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = 1 + rnd.nextInt(5_000);
            m.accept(new TaskSucceeded("r", "wf", "t" + i, "lint", 1, "local", T, Duration.ofMillis(ms[i]), 0.01));
        }
        java.util.Arrays.sort(ms);
        TaskStats s = m.snapshot().get(0);
        assertThat(s.succeeded()).isEqualTo(10_000);
        assertThat((double) s.p50().toMillis()).as("seed %d", seed).isCloseTo(ms[4_999], within(ms[4_999] * 0.01 + 1));
        assertThat((double) s.p99().toMillis()).as("seed %d", seed).isCloseTo(ms[9_899], within(ms[9_899] * 0.01 + 1));
        assertThat(s.cost()).isCloseTo(100.0, within(1e-6));
    }

    @Test
    void groups_byWorkflowTypeAndProvider_countFailuresRetriesAndQueueWait() {
        MetricsCollector m = new MetricsCollector();
        m.accept(new TaskStarted("r", "wf", "a", "review", 1, "claude", T, Duration.ofSeconds(3)));
        m.accept(new TaskRetrying("r", "wf", "a", "review", 1, "claude", T, "timeout", Duration.ofSeconds(1)));
        m.accept(new TaskFailed("r", "wf", "a", "review", 2, "claude", T, TaskState.FAILED, Duration.ofSeconds(2),
                "boom", 0.5));
        m.accept(new TaskSucceeded("r", "wf", "b", "review", 1, "codex", T, Duration.ofSeconds(1), 0.2));
        assertThat(m.snapshot()).hasSize(2);
        TaskStats claude = m.snapshot().stream().filter(s -> s.key().provider().equals("claude")).findFirst()
                .orElseThrow();
        assertThat(claude.failed()).isEqualTo(1);
        assertThat(claude.retries()).isEqualTo(1);
        assertThat(claude.failureRate()).isEqualTo(1.0);
        assertThat(claude.queueWaitP95().toMillis()).isBetween(2990L, 3010L);
    }
}
