package dev.supervisor.api.provider;

/**
 * Why a provider call failed. The kind decides what the router does next, the way the better LLM gateways do:
 * rate limits and overloads fail over and cool the provider down; timeouts, crashes and unavailability fail over and
 * count against the provider's health; a context-window overflow fails over only to a provider with a larger window;
 * bad requests, authentication failures and cancellations stop the task.
 */
public enum FailureKind {
    /** The provider refused because of a rate limit (HTTP 429); usually comes with a retry-after. */
    RATE_LIMITED(true, true, false),
    /** The provider is overloaded (HTTP 529, 503); usually comes with a retry-after. */
    OVERLOADED(true, true, false),
    /** A request or token quota is used up until a reset time. */
    QUOTA_EXHAUSTED(true, true, false),
    /** The call did not finish in time. */
    TIMEOUT(true, false, true),
    /** The provider could not be reached or is missing (5xx, connection refused, binary not found). */
    UNAVAILABLE(true, false, true),
    /** The provider ran but broke: non-zero exit, malformed output, a stream cut in the middle, output too large. */
    CRASHED(true, false, true),
    /** The prompt does not fit the provider's context window. */
    CONTEXT_OVERFLOW(true, false, false),
    /** The request itself is wrong; no provider would accept it. */
    BAD_REQUEST(false, false, false),
    /** The credentials were refused. */
    AUTH(false, false, false),
    /** The task was cancelled while the call ran. */
    CANCELLED(false, false, false);

    private final boolean failsOver;
    private final boolean coolsDown;
    private final boolean countsAgainstHealth;

    FailureKind(boolean failsOver, boolean coolsDown, boolean countsAgainstHealth) {
        this.failsOver = failsOver;
        this.coolsDown = coolsDown;
        this.countsAgainstHealth = countsAgainstHealth;
    }

    /** @return true if another provider may be tried for the same task */
    public boolean failsOver() {
        return failsOver;
    }

    /** @return true if the provider is taken out of rotation until its retry-after or reset time */
    public boolean coolsDown() {
        return coolsDown;
    }

    /** @return true if the failure counts towards opening the provider's circuit breaker */
    public boolean countsAgainstHealth() {
        return countsAgainstHealth;
    }
}
