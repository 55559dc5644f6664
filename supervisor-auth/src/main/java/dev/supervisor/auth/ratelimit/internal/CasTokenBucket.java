package dev.supervisor.auth.ratelimit.internal;

import dev.supervisor.auth.ratelimit.Bandwidth;
import dev.supervisor.auth.ratelimit.Probe;
import dev.supervisor.auth.ratelimit.RateLimit;
import dev.supervisor.auth.ratelimit.TimeSource;
import dev.supervisor.auth.ratelimit.TokenBucket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Each bandwidth's content is kept in "token-nanoseconds": a token is worth {@code period} units and the bucket
 * gains {@code refillTokens} units per elapsed nanosecond, so refill is exact integer arithmetic with no drift.
 * The whole state is one immutable object swapped by compare-and-set.
 */
public final class CasTokenBucket implements TokenBucket {
    private final long[] capacity;
    private final long[] refill;
    private final long[] period;
    private final long[] max;
    private final TimeSource time;
    private final AtomicReference<State> state;

    private static final class State {
        final long at;
        final long[] units;

        State(long at, long[] units) {
            this.at = at;
            this.units = units;
        }
    }

    /**
     * @param limit the bandwidths
     * @param time the time source
     */
    public CasTokenBucket(RateLimit limit, TimeSource time) {
        List<Bandwidth> bs = limit.bandwidths();
        int n = bs.size();
        capacity = new long[n];
        refill = new long[n];
        period = new long[n];
        max = new long[n];
        long[] units = new long[n];
        for (int i = 0; i < n; i++) {
            Bandwidth b = bs.get(i);
            capacity[i] = b.capacity();
            refill[i] = b.refillTokens();
            period[i] = b.refillPeriod().toNanos();
            max[i] = b.capacity() * period[i];
            units[i] = max[i];
        }
        this.time = time;
        this.state = new AtomicReference<>(new State(time.nanoTime(), units));
    }

    private long[] refilled(State s, long now) {
        long elapsed = Math.max(0, now - s.at);
        long[] u = s.units.clone();
        for (int i = 0; i < u.length; i++) {
            if (u[i] < max[i]) {
                // elapsed × refill may overflow for long idle periods: saturate at "full".
                long gain = elapsed > (max[i] - u[i]) / refill[i] ? max[i] - u[i] : elapsed * refill[i];
                u[i] = Math.min(max[i], u[i] + gain);
            }
        }
        return u;
    }

    private void check(long tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens must be positive but was " + tokens);
        }
        for (long c : capacity) {
            if (tokens > c) {
                throw new IllegalArgumentException("cannot take " + tokens + " tokens from a bandwidth of capacity "
                        + c);
            }
        }
    }

    @Override
    public boolean tryAcquire(long tokens) {
        check(tokens);
        while (true) {
            State s = state.get();
            long now = time.nanoTime();
            long[] u = refilled(s, now);
            for (int i = 0; i < u.length; i++) {
                long need = tokens * period[i];
                if (u[i] < need) {
                    return false;
                }
                u[i] -= need;
            }
            if (state.compareAndSet(s, new State(Math.max(now, s.at), u))) {
                return true;
            }
        }
    }

    @Override
    public Probe tryAcquireAndProbe(long tokens) {
        check(tokens);
        while (true) {
            State s = state.get();
            long now = time.nanoTime();
            long[] u = refilled(s, now);
            long wait = 0;
            for (int i = 0; i < u.length; i++) {
                long need = tokens * period[i];
                if (u[i] < need) {
                    wait = Math.max(wait, ceilDiv(need - u[i], refill[i]));
                }
            }
            if (wait > 0) {
                return new Probe(false, remaining(u), wait, toFull(u));
            }
            for (int i = 0; i < u.length; i++) {
                u[i] -= tokens * period[i];
            }
            if (state.compareAndSet(s, new State(Math.max(now, s.at), u))) {
                return new Probe(true, remaining(u), 0, toFull(u));
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
            long left = deadline - time.nanoTime();
            if (p.nanosToWait() > left) {
                return false; // cannot arrive in time: say so now rather than after waiting
            }
            time.park(p.nanosToWait());
        }
    }

    @Override
    public long available() {
        return remaining(refilled(state.get(), time.nanoTime()));
    }

    private long remaining(long[] u) {
        long r = Long.MAX_VALUE;
        for (int i = 0; i < u.length; i++) {
            r = Math.min(r, u[i] / period[i]);
        }
        return r;
    }

    private long toFull(long[] u) {
        long t = 0;
        for (int i = 0; i < u.length; i++) {
            t = Math.max(t, ceilDiv(max[i] - u[i], refill[i]));
        }
        return t;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
