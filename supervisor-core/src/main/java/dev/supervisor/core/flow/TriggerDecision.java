package dev.supervisor.core.flow;

/**
 * What a trigger rule says about a pending task, given what its upstream tasks did so far.
 */
public enum TriggerDecision {
    /** Not yet decidable: more upstream tasks must finish. */
    WAIT,
    /** The task runs. */
    RUN,
    /** The task is SKIPPED. */
    SKIP,
    /** The task is UPSTREAM_FAILED. */
    UPSTREAM_FAILED
}
