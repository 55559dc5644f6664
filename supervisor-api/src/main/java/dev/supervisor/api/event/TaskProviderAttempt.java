package dev.supervisor.api.event;

import java.time.Duration;
import java.time.Instant;

/**
 * One provider call made by a task's attempt (see {@link dev.supervisor.api.spi.AttemptReport}): a router tries
 * providers in turn, failing over by the kind of each failure. Published, in order, before the attempt's own
 * success or failure event.
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param taskId the task
 * @param taskType its type
 * @param attempt the task's attempt that made the call
 * @param provider the provider called
 * @param timestamp when the call started
 * @param call 1 for the first provider tried, 2 for the first failover, …
 * @param outcome {@code SUCCEEDED}, or the failure kind (e.g. {@code RATE_LIMITED}, {@code TIMEOUT})
 * @param reason the failure's message, or null
 * @param duration how long the call took
 */
public record TaskProviderAttempt(String runId, String workflowId, String taskId, String taskType, int attempt,
                                  String provider, Instant timestamp, int call, String outcome, String reason,
                                  Duration duration) implements TaskEvent {
}
