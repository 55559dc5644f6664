package dev.supervisor.analytics.series;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One group of a query result.
 *
 * @param metric the metric
 * @param group the grouped label values (empty without group-by)
 * @param points one value per non-empty step, in time order
 */
public record SeriesResult(String metric, Map<String, String> group, List<Point> points) {
    /**
     * @param start step start
     * @param value aggregated value
     * @param count samples that went into it
     */
    public record Point(Instant start, double value, long count) {
    }

    /** Copies the collections. */
    public SeriesResult {
        group = Map.copyOf(group);
        points = List.copyOf(points);
    }
}
