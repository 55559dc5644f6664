package dev.supervisor.api.event;

import dev.supervisor.api.TaskState;
import java.time.Duration;
import java.time.Instant;

/**
 * A task ended in failure for good: FAILED, TIMED_OUT or UPSTREAM_FAILED.
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param taskId the task
 * @param taskType its type
 * @param attempt the last attempt (0 if it never ran)
 * @param provider who executed it: the provider its handler reported, else {@code "local"}
 * @param timestamp when
 * @param state the failure state
 * @param duration the last attempt's duration (zero if it never ran)
 * @param error a one-line description
 * @param cost what the last attempt cost, as its handler reported it ({@link dev.supervisor.api.spi.AttemptReport},
 *        in the report's currency); 0 when not reported
 */
public record TaskFailed(String runId, String workflowId, String taskId, String taskType, int attempt,
                         String provider, Instant timestamp, TaskState state, Duration duration, String error,
                         double cost) implements TaskEvent {
}
