package dev.supervisor.auth.ratelimit;

import dev.supervisor.auth.ratelimit.internal.CasTokenBucket;
import dev.supervisor.auth.ratelimit.internal.SingleBandwidthBucket;
import java.time.Duration;

/**
 * A thread-safe, lock-free token bucket. A request takes tokens from every bandwidth or from none.
 */
public interface TokenBucket {

    /**
     * @param limit the bandwidths
     * @param time the time source
     * @return a full bucket
     */
    static TokenBucket of(RateLimit limit, TimeSource time) {
        return limit.bandwidths().size() == 1 ? new SingleBandwidthBucket(limit.bandwidths().get(0), time)
                : new CasTokenBucket(limit, time);
    }

    /**
     * @param limit the bandwidths
     * @return a full bucket on the system clock
     */
    static TokenBucket of(RateLimit limit) {
        return of(limit, TimeSource.system());
    }

    /**
     * @param tokens how many, positive
     * @return true if taken
     * @throws IllegalArgumentException if tokens is not positive or exceeds a bandwidth's capacity
     */
    boolean tryAcquire(long tokens);

    /**
     * @param tokens how many, positive
     * @return the outcome with remaining tokens and wait times
     */
    Probe tryAcquireAndProbe(long tokens);

    /**
     * Waits up to {@code timeout} for the tokens; gives up at once if they cannot arrive in time.
     *
     * @param tokens how many, positive
     * @param timeout longest wait
     * @return true if taken
     * @throws InterruptedException if interrupted while waiting
     */
    boolean acquire(long tokens, Duration timeout) throws InterruptedException;

    /** @return whole tokens available now in the tightest bandwidth */
    long available();
}
