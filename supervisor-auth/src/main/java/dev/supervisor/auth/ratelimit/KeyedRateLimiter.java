package dev.supervisor.auth.ratelimit;

import dev.supervisor.auth.ratelimit.internal.CaffeineKeyedLimiter;

/**
 * One token bucket per key (a client address, an API key, a user), held in a bounded table: at most
 * {@code maxKeys} buckets live at once, and a bucket is dropped only once it has been idle long enough to refill
 * completely, since a new bucket is then identical. A bucket that still holds information is never dropped to
 * make room: while the table is full, keys it does not know share one overflow bucket with the same limit (fail
 * closed — under a flood of new keys, new keys are throttled together; nobody gets a fresh bucket back).
 * {@link #overflowedChecks()} counts those checks so the host can alert and size {@code maxKeys}.
 */
public interface KeyedRateLimiter {

    /**
     * @param limit the limit every key gets
     * @param maxKeys most keys tracked at once, positive
     * @param time the time source
     * @return the limiter
     */
    static KeyedRateLimiter of(RateLimit limit, long maxKeys, TimeSource time) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive but was " + maxKeys);
        }
        return new CaffeineKeyedLimiter(limit, maxKeys, time);
    }

    /**
     * Takes {@code tokens} from the key's bucket if they are there.
     *
     * @param key the key, non-empty
     * @param tokens how many, positive
     * @return the decision with its headers
     */
    RateLimitDecision check(String key, long tokens);

    /** @return how many keys are tracked now (approximate) */
    long trackedKeys();

    /** @return how many checks so far were answered by the shared overflow bucket because the table was full */
    long overflowedChecks();
}
