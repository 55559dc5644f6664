package dev.supervisor.api.event;

import java.time.Instant;

/**
 * A run started.
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param timestamp when
 * @param taskCount how many tasks it has
 */
public record RunStarted(String runId, String workflowId, Instant timestamp, int taskCount) implements RunEvent {
}
