package dev.supervisor.api;

import java.time.Duration;
import java.util.Objects;

/**
 * An attempt ran longer than its task's {@link TaskSpec#timeout() timeout}. The engine hands this failure to the
 * task's {@link RetryPolicy}, so a policy can retry timeouts ({@code retryOn(TaskTimeoutException.class)}) or give
 * up on them ({@code abortOn(TaskTimeoutException.class)}) like any other failure; a task that is not retried ends
 * {@link TaskState#TIMED_OUT}.
 */
public final class TaskTimeoutException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    private final String taskId;
    private final transient Duration timeout;

    /**
     * @param taskId the task whose attempt timed out
     * @param timeout the timeout it exceeded
     */
    public TaskTimeoutException(String taskId, Duration timeout) {
        super("task '" + Objects.requireNonNull(taskId, "taskId") + "' timed out after "
                + Objects.requireNonNull(timeout, "timeout"));
        this.taskId = taskId;
        this.timeout = timeout;
    }

    /** @return the task whose attempt timed out */
    public String taskId() {
        return taskId;
    }

    /** @return the timeout the attempt exceeded */
    public Duration timeout() {
        return timeout;
    }
}
