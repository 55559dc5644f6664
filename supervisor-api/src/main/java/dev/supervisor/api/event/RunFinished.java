package dev.supervisor.api.event;

import dev.supervisor.api.RunStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A run ended.
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param timestamp when
 * @param status the terminal status
 * @param duration the run's wall time
 * @param succeeded tasks that succeeded
 * @param failed tasks that ended in a failure state
 */
public record RunFinished(String runId, String workflowId, Instant timestamp, RunStatus status, Duration duration,
                          int succeeded, int failed) implements RunEvent {
}
