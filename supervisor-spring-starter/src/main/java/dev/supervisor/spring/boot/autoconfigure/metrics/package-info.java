/**
 * Micrometer meters of the supervisor (runs, tasks, durations, queue depth) and of the provider router (calls,
 * circuits, tokens, cost); names in {@link dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames}.
 */
package dev.supervisor.spring.boot.autoconfigure.metrics;
