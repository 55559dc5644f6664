package dev.supervisor.analytics.series;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to read from a {@link MetricStore}: one metric over [from, to), cut into steps, aggregated, filtered by
 * label values and grouped by labels. Build with {@link #of(String, Instant, Instant)}.
 */
public final class MetricQuery {
    private final String metric;
    private final Instant from;
    private final Instant to;
    private final Duration step;
    private final Aggregation aggregation;
    private final Map<String, String> where;
    private final List<String> groupBy;

    private MetricQuery(Builder b) {
        this.metric = b.metric;
        this.from = b.from;
        this.to = b.to;
        this.step = b.step;
        this.aggregation = b.aggregation;
        this.where = Map.copyOf(b.where);
        this.groupBy = List.copyOf(b.groupBy);
    }

    /**
     * @param metric the metric name
     * @param from range start (inclusive)
     * @param to range end (exclusive), after {@code from}
     * @return a builder (defaults: step = whole range, AVG, no filter, no grouping)
     */
    public static Builder of(String metric, Instant from, Instant to) {
        return new Builder(metric, from, to);
    }

    /** @return the metric */
    public String metric() {
        return metric;
    }

    /** @return range start */
    public Instant from() {
        return from;
    }

    /** @return range end (exclusive) */
    public Instant to() {
        return to;
    }

    /** @return the step */
    public Duration step() {
        return step;
    }

    /** @return the aggregation */
    public Aggregation aggregation() {
        return aggregation;
    }

    /** @return required label values */
    public Map<String, String> where() {
        return where;
    }

    /** @return labels to group by */
    public List<String> groupBy() {
        return groupBy;
    }

    /** Builds a {@link MetricQuery}; setters reject bad values at once. */
    public static final class Builder {
        private final String metric;
        private final Instant from;
        private final Instant to;
        private Duration step;
        private Aggregation aggregation = Aggregation.AVG;
        private final Map<String, String> where = new LinkedHashMap<>();
        private List<String> groupBy = List.of();

        private Builder(String metric, Instant from, Instant to) {
            this.metric = Objects.requireNonNull(metric, "metric");
            this.from = Objects.requireNonNull(from, "from");
            this.to = Objects.requireNonNull(to, "to");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("query range end " + to + " must be after its start " + from);
            }
            this.step = Duration.between(from, to);
        }

        /** @param step bucket width, at least 1 minute @return this */
        public Builder step(Duration step) {
            Objects.requireNonNull(step, "step");
            if (step.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("step must be at least 1 minute (the finest rollup) but was "
                        + step);
            }
            this.step = step;
            return this;
        }

        /** @param aggregation how to reduce each step @return this */
        public Builder aggregate(Aggregation aggregation) {
            this.aggregation = Objects.requireNonNull(aggregation, "aggregation");
            return this;
        }

        /** @param label a label @param value the value it must have @return this */
        public Builder where(String label, String value) {
            where.put(Objects.requireNonNull(label, "label"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** @param labels labels to group by @return this */
        public Builder groupBy(String... labels) {
            this.groupBy = List.of(labels);
            return this;
        }

        /** @return the query */
        public MetricQuery build() {
            return new MetricQuery(this);
        }
    }
}
