package dev.supervisor.core.provider;

/**
 * What a task does when every provider that could serve it is blocked by quotas, rate limits, cooldowns or open
 * circuits for longer than the router's {@code maxWait}. A shorter block is always waited out.
 */
public enum ExhaustionPolicy {
    /** Wait for the earliest provider to free up, however long. */
    WAIT,
    /** Fail the task with {@link dev.supervisor.api.provider.FailureKind#QUOTA_EXHAUSTED}. */
    FAIL,
    /**
     * Defer tasks below the router's {@code deferBelow} priority (the caller gets them back with a retry time);
     * higher ones wait. {@link dev.supervisor.api.Priority#CRITICAL} is never deferred.
     */
    DEFER
}
