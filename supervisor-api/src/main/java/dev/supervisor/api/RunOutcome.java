package dev.supervisor.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of a finished run.
 *
 * @param runId the run id
 * @param workflowId the workflow id
 * @param status the terminal status
 * @param tasks every task's outcome, keyed by task id, in workflow order
 * @param startedAt when the run started
 * @param finishedAt when the run ended
 * @param criticalPath the chain of task ids that determined the run's actual duration
 */
public record RunOutcome(String runId, String workflowId, RunStatus status, Map<String, TaskOutcome> tasks,
                         Instant startedAt, Instant finishedAt, List<String> criticalPath) {

    /**
     * @return the run's wall time
     */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /**
     * @param taskId a task id
     * @return that task's outcome
     * @throws IllegalArgumentException if the run has no such task
     */
    public TaskOutcome task(String taskId) {
        TaskOutcome t = tasks.get(taskId);
        if (t == null) {
            throw new IllegalArgumentException("run " + runId + " has no task '" + taskId + "'");
        }
        return t;
    }
}
