package dev.supervisor.analytics.series;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One observation of a metric.
 *
 * @param metric metric name, e.g. {@code task.duration}
 * @param labels label values, e.g. {@code workflow}, {@code type}, {@code provider}
 * @param time when it was observed
 * @param value the value
 */
public record Sample(String metric, Map<String, String> labels, Instant time, double value) {
    /** Copies the labels and checks for nulls. */
    public Sample {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(time, "time");
        labels = Map.copyOf(labels);
    }
}
