package dev.supervisor.core.internal.engine;

import dev.supervisor.api.SupervisorException;
import java.time.Duration;

/**
 * Stands for an attempt that exceeded its timeout, so retry policies can match on it.
 */
final class TaskTimeoutException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    TaskTimeoutException(String taskId, Duration timeout) {
        super("task '" + taskId + "' timed out after " + timeout);
    }
}
