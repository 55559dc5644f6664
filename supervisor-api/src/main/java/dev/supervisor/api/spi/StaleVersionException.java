package dev.supervisor.api.spi;

import dev.supervisor.api.SupervisorException;

/**
 * A store rejected a change because the caller's version is not the stored one: someone else (another worker,
 * the lease sweeper, a cancel, another scheduler node) changed the record first.
 */
public class StaleVersionException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was stale, naming the record and both versions
     */
    public StaleVersionException(String message) {
        super(message);
    }

    /**
     * @param runId the run
     * @param taskId the task
     * @param expected the version the caller held
     * @param actual the stored version
     */
    public StaleVersionException(String runId, String taskId, long expected, long actual) {
        super("stale transition of task '" + taskId + "' in run " + runId + ": caller held version " + expected
                + " but the store has " + actual);
    }
}
