package dev.supervisor.api.event;

/**
 * Lifecycle events of one task. {@link #provider()} names who executed it: the provider the handler reported
 * ({@link dev.supervisor.api.spi.TaskContext#report}), else {@code "local"} (the handler did the work itself), so
 * metrics can be grouped per provider.
 */
public sealed interface TaskEvent extends SupervisorEvent
        permits TaskStarted, TaskSucceeded, TaskFailed, TaskRetrying, TaskSkipped, TaskCancelled, TaskProviderAttempt {
    /** @return the task id */
    String taskId();

    /** @return the task type name */
    String taskType();

    /** @return the attempt number, starting at 1 (0 for tasks that never started) */
    int attempt();

    /** @return who executed it */
    String provider();
}
