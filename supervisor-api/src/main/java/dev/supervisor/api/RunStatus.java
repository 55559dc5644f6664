package dev.supervisor.api;

/**
 * Status of a whole run.
 */
public enum RunStatus {
    /** Accepted, not started. */
    PENDING,
    /** Tasks are executing. */
    RUNNING,
    /** Every task ended without failure. */
    SUCCEEDED,
    /** At least one task failed (FAILED, TIMED_OUT or UPSTREAM_FAILED). */
    FAILED,
    /** Cancelled by the caller or by shutdown. */
    CANCELLED,
    /** The run's total timeout expired. */
    TIMED_OUT;

    /**
     * @return true if the run has ended
     */
    public boolean isTerminal() {
        return this != PENDING && this != RUNNING;
    }
}
