package dev.supervisor.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetricStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(2)));
    private final MetricStore store = MetricStore.create(clock, Duration.ofDays(7), Duration.ofHours(24),
            LivePublisher.builder().build());

    private void fill() {
        for (int m = 0; m < 120; m++) {
            for (int k = 1; k <= 10; k++) {
                store.record("latency", Map.of("provider", m % 2 == 0 ? "a" : "b"), T0.plusSeconds(m * 60L + k), k);
            }
        }
    }

    @Test
    void query_aggregatesPerStep() {
        fill();
        List<SeriesResult> r = store.query(MetricQuery.of("latency", T0, T0.plus(Duration.ofHours(1)))
                .step(Duration.ofMinutes(30)).aggregate(Aggregation.SUM).build());
        assertThat(r).singleElement().satisfies(s -> {
            assertThat(s.points()).hasSize(2);
            assertThat(s.points().get(0).value()).isEqualTo(30 * 55.0);
            assertThat(s.points().get(0).count()).isEqualTo(300);
            assertThat(s.points().get(1).start()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        });
        assertThat(value(Aggregation.AVG)).isEqualTo(5.5);
        assertThat(value(Aggregation.MIN)).isEqualTo(1);
        assertThat(value(Aggregation.MAX)).isEqualTo(10);
        assertThat(value(Aggregation.COUNT)).isEqualTo(1200);
    }

    private double value(Aggregation a) {
        return store.query(MetricQuery.of("latency", T0, T0.plus(Duration.ofHours(2))).aggregate(a).build())
                .get(0).points().get(0).value();
    }

    @Test
    void query_groupsByLabelAndFilters() {
        fill();
        List<SeriesResult> g = store.query(MetricQuery.of("latency", T0, T0.plus(Duration.ofHours(2)))
                .aggregate(Aggregation.COUNT).groupBy("provider").build());
        assertThat(g).extracting(s -> s.group().get("provider")).containsExactly("a", "b");
        assertThat(g).allSatisfy(s -> assertThat(s.points().get(0).value()).isEqualTo(600));
        assertThat(store.query(MetricQuery.of("latency", T0, T0.plus(Duration.ofHours(2))).where("provider", "b")
                .aggregate(Aggregation.COUNT).build()).get(0).points().get(0).value()).isEqualTo(600);
    }

    @Test
    void percentiles_areWithinTwoPercent() {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = new double[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(r.nextGaussian());
            store.record("d", Map.of(), T0.plusMillis(i), v[i]);
        }
        java.util.Arrays.sort(v);
        double p95 = store.query(MetricQuery.of("d", T0, T0.plus(Duration.ofHours(1))).aggregate(Aggregation.P95)
                .build()).get(0).points().get(0).value();
        assertThat(p95).isCloseTo(v[9499], within(v[9499] * 0.02));
    }

    @Test
    void retention_dropsOldBuckets_andHoursServeOldRanges() {
        fill();
        clock.advance(Duration.ofHours(30));
        assertThat(store.query(MetricQuery.of("latency", T0, T0.plus(Duration.ofHours(2)))
                .step(Duration.ofHours(1)).aggregate(Aggregation.COUNT).build()).get(0).points())
                .extracting(SeriesResult.Point::value).containsExactly(600.0, 600.0);
        clock.advance(Duration.ofDays(7));
        assertThat(store.query(MetricQuery.of("latency", T0, T0.plus(Duration.ofHours(2)))
                .aggregate(Aggregation.COUNT).build())).allSatisfy(s -> assertThat(s.points()).isEmpty());
        store.record("latency", Map.of(), T0, 1);
        assertThat(store.query(MetricQuery.of("latency", T0, T0.plus(Duration.ofHours(2)))
                .aggregate(Aggregation.COUNT).build())).allSatisfy(s -> assertThat(s.points()).isEmpty());
    }

    @Test
    void recorder_turnsLifecycleEventsIntoSeries() {
        var rec = store.recorder();
        rec.accept(new TaskStarted("r", "wf", "t", "build", 1, "openai", T0, Duration.ofSeconds(2)));
        rec.accept(new TaskSucceeded("r", "wf", "t", "build", 1, "openai", T0.plusSeconds(5), Duration.ofSeconds(3),
                0.25));
        assertThat(store.query(MetricQuery.of("task.duration", T0, T0.plusSeconds(60)).where("provider", "openai")
                .build()).get(0).points().get(0).value()).isEqualTo(3.0);
        assertThat(store.query(MetricQuery.of("task.cost", T0, T0.plusSeconds(60)).aggregate(Aggregation.SUM)
                .build()).get(0).points().get(0).value()).isEqualTo(0.25);
        assertThat(CapacityHint.providers(store)).containsExactly("openai");
    }

    @Test
    void badQueries_areRejected() {
        assertThatThrownBy(() -> MetricQuery.of("x", T0, T0)).hasMessageContaining("after its start");
        assertThatThrownBy(() -> MetricQuery.of("x", T0, T0.plusSeconds(60)).step(Duration.ofSeconds(10)))
                .hasMessageContaining("at least 1 minute");
        assertThatThrownBy(() -> MetricStore.create(clock, Duration.ofMinutes(5), Duration.ofMinutes(1),
                LivePublisher.builder().build())).hasMessageContaining("retention");
    }
}
