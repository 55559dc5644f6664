package dev.supervisor.auth.ratelimit.internal;

import dev.supervisor.auth.ratelimit.Bandwidth;
import dev.supervisor.auth.ratelimit.Probe;
import dev.supervisor.auth.ratelimit.TimeSource;
import dev.supervisor.auth.ratelimit.TokenBucket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one-bandwidth case of {@link CasTokenBucket} (the common one): the same token-nanosecond arithmetic with the
 * state held in two fields instead of an array, so a successful acquisition allocates one small object.
 */
public final class SingleBandwidthBucket implements TokenBucket {
    private final long capacity;
    private final long refill;
    private final long period;
    private final long max;
    private final TimeSource time;
    private final AtomicReference<State> state;

    private record State(long at, long units) {
    }

    /**
     * @param b the bandwidth
     * @param time the time source
     */
    public SingleBandwidthBucket(Bandwidth b, TimeSource time) {
        this.capacity = b.capacity();
        this.refill = b.refillTokens();
        this.period = b.refillPeriod().toNanos();
        this.max = capacity * period;
        this.time = time;
        this.state = new AtomicReference<>(new State(time.nanoTime(), max));
    }

    private long refilled(State s, long now) {
        long elapsed = now - s.at;
        if (elapsed <= 0 || s.units == max) {
            return s.units;
        }
        long room = max - s.units;
        return elapsed > room / refill ? max : Math.min(max, s.units + elapsed * refill);
    }

    private void check(long tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be positive but was " + tokens);
        }
        if (tokens > capacity) {
            throw new IllegalArgumentException("cannot take " + tokens + " tokens from a bandwidth of capacity "
                    + capacity);
        }
    }

    @Override
    public boolean tryAcquire(long tokens) {
        check(tokens);
        long need = tokens * period;
        while (true) {
            State s = state.get();
            long now = time.nanoTime();
            long u = refilled(s, now);
            if (u < need) {
                return false;
            }
            if (state.compareAndSet(s, new State(Math.max(now, s.at), u - need))) {
                return true;
            }
        }
    }

    @Override
    public Probe tryAcquireAndProbe(long tokens) {
        check(tokens);
        long need = tokens * period;
        while (true) {
            State s = state.get();
            long now = time.nanoTime();
            long u = refilled(s, now);
            if (u < need) {
                return new Probe(false, u / period, ceilDiv(need - u, refill), ceilDiv(max - u, refill));
            }
            long left = u - need;
            if (state.compareAndSet(s, new State(Math.max(now, s.at), left))) {
                return new Probe(true, left / period, 0, ceilDiv(max - left, refill));
            }
        }
    }

    @Override
    public boolean acquire(long tokens, Duration timeout) throws InterruptedException {
        long deadline = time.nanoTime() + timeout.toNanos();
        while (true) {
            Probe p = tryAcquireAndProbe(tokens);
            if (p.consumed()) {
                return true;
            }
            if (p.nanosToWait() > deadline - time.nanoTime()) {
                return false;
            }
            time.park(p.nanosToWait());
        }
    }

    @Override
    public long available() {
        return refilled(state.get(), time.nanoTime()) / period;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
