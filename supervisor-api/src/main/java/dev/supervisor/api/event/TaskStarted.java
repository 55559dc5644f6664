package dev.supervisor.api.event;

import java.time.Duration;
import java.time.Instant;

/**
 * An attempt started.
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param taskId the task
 * @param taskType its type
 * @param attempt the attempt number
 * @param provider who executes it
 * @param timestamp when
 * @param queueWait time spent READY before starting
 */
public record TaskStarted(String runId, String workflowId, String taskId, String taskType, int attempt,
                          String provider, Instant timestamp, Duration queueWait) implements TaskEvent {
}
