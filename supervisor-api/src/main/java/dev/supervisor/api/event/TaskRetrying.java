package dev.supervisor.api.event;

import java.time.Duration;
import java.time.Instant;

/**
 * An attempt failed and another is scheduled.
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param taskId the task
 * @param taskType its type
 * @param attempt the attempt that failed
 * @param provider who executed it
 * @param timestamp when
 * @param error a one-line description of the failure
 * @param delay the back-off before the next attempt
 */
public record TaskRetrying(String runId, String workflowId, String taskId, String taskType, int attempt,
                           String provider, Instant timestamp, String error, Duration delay) implements TaskEvent {
}
