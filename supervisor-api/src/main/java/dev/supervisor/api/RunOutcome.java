package dev.supervisor.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The result of a finished run. Made by the engine; immutable. */
public interface RunOutcome {
    /** @return the run id */
    String runId();

    /** @return the workflow id */
    String workflowId();

    /** @return the terminal status */
    RunStatus status();

    /** @return every task's outcome, keyed by task id, in workflow order (unmodifiable) */
    Map<String, TaskOutcome> tasks();

    /** @return when the run started */
    Instant startedAt();

    /** @return when the run ended */
    Instant finishedAt();

    /**
     * The run's actual critical path: the chain of tasks that ran and determined when the run ended. It starts at
     * the task that finished last among those that ran, and steps back each time to the upstream task (among those
     * that ran) that finished last — the one the task was waiting for. Tasks that never ran (skipped, cancelled
     * before starting, upstream failed) are not on it.
     *
     * @return task ids, first to last; empty if no task ran
     */
    List<String> criticalPath();

    /** @return the run's wall time */
    default Duration duration() {
        return Duration.between(startedAt(), finishedAt());
    }

    /**
     * @param taskId a task id
     * @return that task's outcome
     * @throws IllegalArgumentException if the run has no such task
     */
    default TaskOutcome task(String taskId) {
        TaskOutcome t = tasks().get(taskId);
        if (t == null) {
            throw new IllegalArgumentException("run " + runId() + " has no task '" + taskId + "'");
        }
        return t;
    }
}
