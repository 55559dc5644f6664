package dev.supervisor.analytics.series;

import dev.supervisor.analytics.forecast.Forecaster;
import dev.supervisor.analytics.forecast.Forecasters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Recommends how many tasks a provider should run at once: forecast its task starts per minute over the horizon
 * from the recorded history, take the peak, and apply Little's law with the mean task duration and a target
 * utilisation: {@code ceil(peak arrivals per second × mean duration / utilisation)}, clamped to [min, max].
 */
public final class CapacityHint {
    private CapacityHint() {
    }

    /**
     * @param provider the provider
     * @param concurrency the recommendation
     * @param peakStartsPerMinute forecast peak of task starts per minute over the horizon
     * @param meanDurationSeconds mean task duration over the lookback
     * @param reason how it was derived
     */
    public record Recommendation(String provider, int concurrency, double peakStartsPerMinute,
                                 double meanDurationSeconds, String reason) {
    }

    /**
     * @param store metrics recorded through {@link MetricStore#recorder()}
     * @param provider the provider label
     * @param now the current time
     * @param lookback history to learn from (at least 10 minutes)
     * @param horizon how far ahead to plan (1 minute to 1 day)
     * @param utilisation target busy share of each slot, in (0, 1]
     * @param min smallest recommendation (≥ 1)
     * @param max largest recommendation (≥ min)
     * @return the recommendation
     */
    public static Recommendation recommend(MetricStore store, String provider, Instant now, Duration lookback,
                                           Duration horizon, double utilisation, int min, int max) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(provider, "provider");
        if (lookback.compareTo(Duration.ofMinutes(10)) < 0 || horizon.compareTo(Duration.ofMinutes(1)) < 0
                || horizon.compareTo(Duration.ofDays(1)) > 0 || !(utilisation > 0 && utilisation <= 1) || min < 1
                || max < min) {
            throw new IllegalArgumentException("need lookback ≥ 10 min, 1 min ≤ horizon ≤ 1 day, utilisation in "
                    + "(0, 1] and 1 ≤ min ≤ max");
        }
        Instant from = now.minus(lookback);
        long minutes = lookback.toMinutes();
        double[] starts = new double[(int) minutes];
        for (SeriesResult r : store.query(MetricQuery.of("task.queue_wait", from, now).step(Duration.ofMinutes(1))
                .aggregate(Aggregation.COUNT).where("provider", provider).build())) {
            for (SeriesResult.Point p : r.points()) {
                int i = (int) Duration.between(from, p.start()).toMinutes();
                if (i >= 0 && i < starts.length) {
                    starts[i] += p.value();
                }
            }
        }
        double meanDuration = 0;
        for (SeriesResult r : store.query(MetricQuery.of("task.duration", from, now)
                .aggregate(Aggregation.AVG).where("provider", provider).build())) {
            for (SeriesResult.Point p : r.points()) {
                meanDuration = p.value();
            }
        }
        int h = (int) Math.max(1, horizon.toMinutes());
        Forecaster f = starts.length >= 3 * 60 ? Forecasters.auto(60) : Forecasters.ses(1);
        double[] fc = f.point(starts, h);
        double peak = 0;
        for (double v : fc) {
            peak = Math.max(peak, v);
        }
        int n = (int) Math.ceil(peak / 60.0 * meanDuration / utilisation);
        int clamped = Math.max(min, Math.min(max, n));
        String reason = String.format("peak %.1f starts/min × %.2f s mean duration / %.0f%% utilisation = %d%s",
                peak, meanDuration, utilisation * 100, n, clamped != n ? " (clamped to " + clamped + ")" : "");
        return new Recommendation(provider, clamped, peak, meanDuration, reason);
    }

    /** @param store a metric store @return providers seen in its task metrics, sorted */
    public static List<String> providers(MetricStore store) {
        return store.seriesKeys().stream().map(s -> s.labels().get("provider")).filter(Objects::nonNull).distinct()
                .sorted().toList();
    }
}
