package dev.supervisor.api;

/**
 * When a task runs, given the terminal states of its direct upstream tasks (Airflow's trigger-rule set).
 * "Success" means SUCCEEDED; "failed" means FAILED, TIMED_OUT or UPSTREAM_FAILED; "skipped" means SKIPPED (or
 * CANCELLED); "done" means any terminal state. A dependency's {@link EdgeCondition} maps the upstream's state
 * first: a FAILURE edge counts a failed upstream as success and a succeeded one as skipped; a COMPLETION edge
 * counts any succeeded or failed upstream as success.
 */
public enum TriggerRule {
    /** All upstream succeeded (the default). */
    ALL_SUCCESS,
    /** All upstream failed. */
    ALL_FAILED,
    /** All upstream are done, whatever their state. */
    ALL_DONE,
    /** All upstream are done and at least one succeeded. */
    ALL_DONE_MIN_ONE_SUCCESS,
    /** All upstream were skipped. */
    ALL_SKIPPED,
    /** At least one upstream succeeded (fires without waiting for the rest). */
    ONE_SUCCESS,
    /** At least one upstream failed (fires without waiting for the rest). */
    ONE_FAILED,
    /** At least one upstream succeeded or failed (fires without waiting for the rest). */
    ONE_DONE,
    /** No upstream failed: all succeeded or were skipped. */
    NONE_FAILED,
    /** No upstream failed and at least one succeeded. */
    NONE_FAILED_MIN_ONE_SUCCESS,
    /** No upstream was skipped. */
    NONE_SKIPPED,
    /** Run at once, without waiting for upstream tasks (Airflow's {@code always}). */
    ALWAYS
}
