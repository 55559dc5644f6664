package dev.supervisor.auth.ratelimit.internal;

import dev.supervisor.auth.internal.BoundedTable;
import dev.supervisor.auth.ratelimit.Bandwidth;
import dev.supervisor.auth.ratelimit.KeyedRateLimiter;
import dev.supervisor.auth.ratelimit.Probe;
import dev.supervisor.auth.ratelimit.RateLimit;
import dev.supervisor.auth.ratelimit.RateLimitDecision;
import dev.supervisor.auth.ratelimit.TimeSource;
import dev.supervisor.auth.ratelimit.TokenBucket;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets in a table that forgets a key only once its bucket would be full anyway, never to make room: when the
 * table is full, keys it does not know share one overflow bucket, so flooding new keys cannot hand anyone a fresh
 * bucket.
 */
public final class CaffeineKeyedLimiter implements KeyedRateLimiter {
    private final RateLimit limit;
    private final TimeSource time;
    private final BoundedTable<String, TokenBucket> buckets;
    private final TokenBucket overflow;
    private final AtomicLong overflowed = new AtomicLong();
    private final long tightestCapacity;
    private final SingleBandwidthBucket.Params shared;

    /**
     * @param limit the per-key limit
     * @param maxKeys most keys at once
     * @param time the time source (also drives expiry)
     */
    public CaffeineKeyedLimiter(RateLimit limit, long maxKeys, TimeSource time) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.time = Objects.requireNonNull(time, "time");
        long idle = 0;
        long cap = Long.MAX_VALUE;
        for (Bandwidth b : limit.bandwidths()) {
            // Time for an empty bandwidth to refill completely: after that, a fresh bucket is the same bucket.
            long full = (b.capacity() * b.refillPeriod().toNanos() + b.refillTokens() - 1) / b.refillTokens();
            idle = Math.max(idle, full);
            cap = Math.min(cap, b.capacity());
        }
        long idleNanos = idle;
        this.tightestCapacity = cap;
        this.shared = limit.bandwidths().size() == 1
                ? new SingleBandwidthBucket.Params(limit.bandwidths().get(0), time) : null;
        this.buckets = new BoundedTable<>(maxKeys, time::nanoTime, (bucket, now) -> now + idleNanos, true);
        this.overflow = newBucket();
    }

    private TokenBucket newBucket() {
        return shared != null ? new SingleBandwidthBucket(shared) : TokenBucket.of(limit, time);
    }

    @Override
    public RateLimitDecision check(String key, long tokens) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("rate-limit key must not be empty");
        }
        TokenBucket b = buckets.getOrCreate(key, k -> newBucket());
        if (b == null) {
            overflowed.incrementAndGet();
            b = overflow;
        }
        Probe p = b.tryAcquireAndProbe(tokens);
        return new RateLimitDecision(p.consumed(), tightestCapacity, p.remaining(),
                (p.nanosToFull() + 999_999_999L) / 1_000_000_000L, p.retryAfterSeconds());
    }

    @Override
    public long trackedKeys() {
        return buckets.size();
    }

    @Override
    public long overflowedChecks() {
        return overflowed.get();
    }
}
