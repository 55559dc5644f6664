package dev.supervisor.api;

/**
 * Lifecycle state of one task in one run.
 */
public enum TaskState {
    /** Waiting for its dependencies. */
    PENDING,
    /** Dependencies satisfied; waiting for a concurrency slot. */
    READY,
    /** An attempt is executing. */
    RUNNING,
    /** An attempt failed and the next one waits for its back-off delay. */
    RETRY_WAIT,
    /** Finished successfully. */
    SUCCEEDED,
    /** Failed after its last attempt. */
    FAILED,
    /** Its last attempt exceeded the task timeout. */
    TIMED_OUT,
    /** Not run because a condition or trigger rule said so, or because the run failed fast. */
    SKIPPED,
    /** Not run because a task it depends on did not succeed. */
    UPSTREAM_FAILED,
    /** Cancelled while pending or running. */
    CANCELLED;

    /**
     * @return true if the task will not change state again in this run
     */
    public boolean isTerminal() {
        return switch (this) {
            case SUCCEEDED, FAILED, TIMED_OUT, SKIPPED, UPSTREAM_FAILED, CANCELLED -> true;
            default -> false;
        };
    }

    /**
     * @return true for the terminal states that count as failure: FAILED, TIMED_OUT, UPSTREAM_FAILED
     */
    public boolean isFailure() {
        return this == FAILED || this == TIMED_OUT || this == UPSTREAM_FAILED;
    }
}
