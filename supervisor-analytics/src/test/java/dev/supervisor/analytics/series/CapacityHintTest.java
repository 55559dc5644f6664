package dev.supervisor.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityHintTest {
    @Test
    void recommend_appliesLittlesLawToTheForecastPeak() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(t0.plus(Duration.ofHours(1)));
        MetricStore store = MetricStore.create(clock, Duration.ofDays(7), Duration.ofHours(24),
                LivePublisher.builder().build());
        Map<String, String> l = Map.of("provider", "claude", "workflow", "w", "type", "t");
        for (int m = 0; m < 60; m++) {
            for (int k = 0; k < 30; k++) {          // 30 starts per minute
                Instant at = t0.plusSeconds(m * 60L + k);
                store.record("task.queue_wait", l, at, 0.1);
                store.record("task.duration", l, at, 20);  // 20 s each
            }
        }
        CapacityHint.Recommendation r = CapacityHint.recommend(store, "claude", clock.instant(),
                Duration.ofMinutes(60), Duration.ofMinutes(15), 0.8, 1, 100);
        // 0.5 starts/s × 20 s / 0.8 = 12.5 → 13
        assertThat(r.concurrency()).isEqualTo(13);
        assertThat(r.reason()).contains("utilisation");
        assertThat(CapacityHint.recommend(store, "claude", clock.instant(), Duration.ofMinutes(60),
                Duration.ofMinutes(15), 0.8, 1, 5).concurrency()).isEqualTo(5);
        assertThatThrownBy(() -> CapacityHint.recommend(store, "claude", clock.instant(), Duration.ofMinutes(1),
                Duration.ofMinutes(15), 0.8, 1, 5)).hasMessageContaining("lookback");
    }
}
