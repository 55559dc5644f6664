package dev.supervisor.auth.ratelimit;

/**
 * The result of a consumption attempt, with what a response needs: {@code X-RateLimit-Remaining},
 * {@code Retry-After} and {@code X-RateLimit-Reset}.
 *
 * @param consumed true if the tokens were taken
 * @param remaining whole tokens left in the tightest bandwidth
 * @param nanosToWait when refused, how long until the request would fit; 0 when consumed
 * @param nanosToFull how long until every bandwidth is full again
 */
public record Probe(boolean consumed, long remaining, long nanosToWait, long nanosToFull) {

    /** @return {@code Retry-After} in whole seconds, rounded up (0 when consumed) */
    public long retryAfterSeconds() {
        return (nanosToWait + 999_999_999L) / 1_000_000_000L;
    }
}
