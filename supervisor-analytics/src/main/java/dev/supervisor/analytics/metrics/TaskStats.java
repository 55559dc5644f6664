package dev.supervisor.analytics.metrics;

import java.time.Duration;

/**
 * An immutable snapshot of one group's metrics.
 *
 * @param key the group
 * @param succeeded successful tasks
 * @param failed tasks that failed for good
 * @param retries retried attempts
 * @param skipped skipped tasks
 * @param p50 median duration of successful attempts
 * @param p95 95th percentile duration
 * @param p99 99th percentile duration
 * @param maxDuration longest successful attempt
 * @param queueWaitP95 95th percentile time spent ready before starting
 * @param cost summed cost
 */
public record TaskStats(MetricKey key, long succeeded, long failed, long retries, long skipped, Duration p50,
                        Duration p95, Duration p99, Duration maxDuration, Duration queueWaitP95, double cost) {

    /** @return failed / (succeeded + failed), 0 when nothing ended */
    public double failureRate() {
        long ended = succeeded + failed;
        return ended == 0 ? 0 : (double) failed / ended;
    }
}
