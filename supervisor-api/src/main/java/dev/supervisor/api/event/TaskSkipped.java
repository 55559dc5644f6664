package dev.supervisor.api.event;

import java.time.Instant;

/**
 * A task was skipped (condition false, trigger rule unmet, branch not taken, or fail-fast).
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param taskId the task
 * @param taskType its type
 * @param attempt always 0
 * @param provider who would have executed it
 * @param timestamp when
 * @param reason why
 */
public record TaskSkipped(String runId, String workflowId, String taskId, String taskType, int attempt,
                          String provider, Instant timestamp, String reason) implements TaskEvent {
}
