package dev.supervisor.api.event;

import java.time.Instant;

/**
 * A task was cancelled.
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param taskId the task
 * @param taskType its type
 * @param attempt the attempt running when cancelled (0 if none)
 * @param provider who executed it
 * @param timestamp when
 */
public record TaskCancelled(String runId, String workflowId, String taskId, String taskType, int attempt,
                            String provider, Instant timestamp) implements TaskEvent {
}
