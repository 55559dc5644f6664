package dev.supervisor.api;

/**
 * What a run does when a task fails for good.
 */
public enum FailureStrategy {
    /**
     * Cancel running tasks and skip everything not yet started, except teardown tasks
     * ({@link TaskSpec#teardown()}); the run fails at once.
     */
    FAIL_FAST,
    /** Keep running every task that does not depend on the failure; its dependents become UPSTREAM_FAILED. */
    CONTINUE
}
