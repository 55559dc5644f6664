package dev.supervisor.api.event;

/**
 * Lifecycle events of one task. {@link #provider()} names who executed it ({@code "local"} for in-process
 * handlers), so metrics can be grouped per provider.
 */
public sealed interface TaskEvent extends SupervisorEvent
        permits TaskStarted, TaskSucceeded, TaskFailed, TaskRetrying, TaskSkipped, TaskCancelled {
    /** @return the task id */
    String taskId();

    /** @return the task type name */
    String taskType();

    /** @return the attempt number, starting at 1 (0 for tasks that never started) */
    int attempt();

    /** @return who executed it */
    String provider();
}
