package dev.supervisor.auth.ratelimit;

import dev.supervisor.auth.ratelimit.internal.CaffeineKeyedLimiter;

/**
 * One token bucket per key (a client address, an API key, a user), held in a bounded map: at most
 * {@code maxKeys} buckets live at once, and a bucket idle long enough to have refilled completely is dropped,
 * since a new bucket is then identical.
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
}
