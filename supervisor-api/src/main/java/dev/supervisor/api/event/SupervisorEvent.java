package dev.supervisor.api.event;

import java.time.Instant;

/**
 * Every event Supervisor publishes.
 */
public sealed interface SupervisorEvent permits RunEvent, TaskEvent {
    /** @return the run the event belongs to */
    String runId();

    /** @return the workflow of that run */
    String workflowId();

    /** @return when it happened (from the supervisor's clock) */
    Instant timestamp();
}
