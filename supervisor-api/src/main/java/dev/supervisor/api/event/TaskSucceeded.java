package dev.supervisor.api.event;

import java.time.Duration;
import java.time.Instant;

/**
 * A task succeeded.
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param taskId the task
 * @param taskType its type
 * @param attempt the attempt that succeeded
 * @param provider who executed it: the provider its handler reported, else {@code "local"}
 * @param timestamp when
 * @param duration the successful attempt's duration
 * @param cost what the attempt cost, as its handler reported it ({@link dev.supervisor.api.spi.AttemptReport}, in
 *        the report's currency); 0 when not reported
 */
public record TaskSucceeded(String runId, String workflowId, String taskId, String taskType, int attempt,
                            String provider, Instant timestamp, Duration duration, double cost)
        implements TaskEvent {
}
