package dev.supervisor.analytics.metrics;

/**
 * What metrics are grouped by.
 *
 * @param workflowId the workflow
 * @param taskType the task type
 * @param provider who executed the task
 */
public record MetricKey(String workflowId, String taskType, String provider) {
}
