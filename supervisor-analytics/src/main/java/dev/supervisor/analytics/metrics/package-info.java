/**
 * Metrics from lifecycle events: per task type, provider and workflow — durations and queue waits with p50/p95/p99,
 * successes, failures, retries, skips and cost.
 */
package dev.supervisor.analytics.metrics;
