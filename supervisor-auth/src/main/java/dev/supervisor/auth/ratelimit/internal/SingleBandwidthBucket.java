package dev.supervisor.auth.ratelimit.internal;

import dev.supervisor.auth.ratelimit.Bandwidth;
import dev.supervisor.auth.ratelimit.Probe;
import dev.supervisor.auth.ratelimit.TimeSource;
import dev.supervisor.auth.ratelimit.TokenBucket;
import java.time.Duration;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The one-bandwidth case of {@link CasTokenBucket} (the common one): the same token-nanosecond arithmetic with the
 * state held in two fields instead of an array, so a successful acquisition allocates one small object.
 */
public final class SingleBandwidthBucket implements TokenBucket {
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SingleBandwidthBucket.class, "state", State.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The bandwidth's figures, shared by every bucket of a keyed limiter: per-key memory is state only. */
    public static final class Params {
        final long capacity;
        final long refill;
        final long period;
        final long max;
        final TimeSource time;

        /**
         * @param b the bandwidth
         * @param time the time source
         */
        public Params(Bandwidth b, TimeSource time) {
            this.capacity = b.capacity();
            this.refill = b.refillTokens();
            this.period = b.refillPeriod().toNanos();
            this.max = capacity * period;
            this.time = time;
        }
    }

    private final Params p;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile State state;

    private record State(long at, long units) {
    }

    /**
     * @param b the bandwidth
     * @param time the time source
     */
    public SingleBandwidthBucket(Bandwidth b, TimeSource time) {
        this(new Params(b, time));
    }

    /**
     * @param params shared figures
     */
    public SingleBandwidthBucket(Params params) {
        this.p = params;
        this.state = new State(params.time.nanoTime(), params.max);
    }

    private long refilled(State s, long now) {
        long elapsed = now - s.at;
        if (elapsed <= 0 || s.units == p.max) {
            return s.units;
        }
        long room = p.max - s.units;
        return elapsed > room / p.refill ? p.max : Math.min(p.max, s.units + elapsed * p.refill);
    }

    private void check(long tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be positive but was " + tokens);
        }
        if (tokens > p.capacity) {
            throw new IllegalArgumentException("cannot take " + tokens + " tokens from a bandwidth of capacity "
                    + p.capacity);
        }
    }

    @Override
    public boolean tryAcquire(long tokens) {
        check(tokens);
        long need = tokens * p.period;
        while (true) {
            State s = state;
            long now = p.time.nanoTime();
            long u = refilled(s, now);
            if (u < need) {
                return false;
            }
            if (STATE.compareAndSet(this, s, new State(Math.max(now, s.at), u - need))) {
                return true;
            }
            Thread.onSpinWait(); // lost a race: let the winner's write settle before re-reading
        }
    }

    @Override
    public Probe tryAcquireAndProbe(long tokens) {
        check(tokens);
        long need = tokens * p.period;
        while (true) {
            State s = state;
            long now = p.time.nanoTime();
            long u = refilled(s, now);
            if (u < need) {
                return new Probe(false, u / p.period, ceilDiv(need - u, p.refill), ceilDiv(p.max - u, p.refill));
            }
            long left = u - need;
            if (STATE.compareAndSet(this, s, new State(Math.max(now, s.at), left))) {
                return new Probe(true, left / p.period, 0, ceilDiv(p.max - left, p.refill));
            }
        }
    }

    @Override
    public boolean acquire(long tokens, Duration timeout) throws InterruptedException {
        long deadline = p.time.nanoTime() + timeout.toNanos();
        while (true) {
            Probe probe = tryAcquireAndProbe(tokens);
            if (probe.consumed()) {
                return true;
            }
            if (probe.nanosToWait() > deadline - p.time.nanoTime()) {
                return false;
            }
            p.time.park(probe.nanosToWait());
        }
    }

    @Override
    public long available() {
        return refilled(state, p.time.nanoTime()) / p.period;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
