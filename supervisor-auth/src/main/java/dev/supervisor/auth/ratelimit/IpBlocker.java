package dev.supervisor.auth.ratelimit;

import dev.supervisor.auth.internal.BoundedTable;
import dev.supervisor.auth.net.Cidr;
import dev.supervisor.auth.net.IpAddresses;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Blocks addresses that keep violating limits: {@code violations} within {@code window} block the address (IPv6 by
 * /64) for {@code baseBlock}; every further block doubles, up to {@code maxBlock}; blocks expire by themselves.
 * Allow-listed ranges are never blocked. State lives in a bounded table, so a flood of distinct addresses cannot
 * exhaust memory, and it never fails open: a record leaves only once its block has ended and its strikes are
 * forgiven ({@code maxBlock + window} after its last change), never to make room. While the table is full,
 * addresses it does not track share one overflow record — their violations count together and, once that record
 * is blocked, every untracked address is blocked with it.
 */
public final class IpBlocker {
    private final int violations;
    private final long window;
    private final long baseBlock;
    private final long maxBlock;
    private final List<Cidr> allowlist;
    private final TimeSource time;
    private final BoundedTable<String, Record> state;
    private final AtomicReference<Record> overflow = new AtomicReference<>();
    private final long forgiveAfter;

    private record Record(long windowStart, int count, int strikes, long blockedUntil) {
    }

    private IpBlocker(int violations, Duration window, Duration baseBlock, Duration maxBlock, List<Cidr> allowlist,
                      long maxTracked, TimeSource time) {
        this.violations = violations;
        this.window = window.toNanos();
        this.baseBlock = baseBlock.toNanos();
        this.maxBlock = maxBlock.toNanos();
        this.allowlist = List.copyOf(allowlist);
        this.time = time;
        // Strikes are remembered for as long as the longest block after the last change, then forgiven; reading a
        // record (a blocked client polling) does not extend it.
        this.forgiveAfter = maxBlock.plus(window).toNanos();
        this.state = new BoundedTable<>(maxTracked, time::nanoTime,
                (r, now) -> Math.max(now, r.blockedUntil) + forgiveAfter, false);
    }

    /**
     * @param violations violations within the window that block, positive
     * @param window the window
     * @param baseBlock the first block's length
     * @param maxBlock the longest block
     * @param allowlist ranges never blocked
     * @param maxTracked most addresses tracked at once (beyond it, untracked addresses share one record)
     * @param time the time source
     * @return the blocker
     * @throws IllegalArgumentException naming a bad value
     */
    public static IpBlocker of(int violations, Duration window, Duration baseBlock, Duration maxBlock,
                               List<Cidr> allowlist, long maxTracked, TimeSource time) {
        if (violations < 1) {
            throw new IllegalArgumentException("violations must be positive but was " + violations);
        }
        for (Duration d : List.of(window, baseBlock, maxBlock)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive but one was " + d);
            }
        }
        if (maxBlock.compareTo(baseBlock) < 0) {
            throw new IllegalArgumentException("maxBlock (" + maxBlock + ") must not be below baseBlock ("
                    + baseBlock + ")");
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be positive but was " + maxTracked);
        }
        return new IpBlocker(violations, window, baseBlock, maxBlock, Objects.requireNonNull(allowlist, "allowlist"),
                maxTracked, Objects.requireNonNull(time, "time"));
    }

    private boolean allowed(String address) {
        for (Cidr c : allowlist) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param address an IP literal
     * @return how long the address stays blocked; {@link Duration#ZERO} when it is not blocked
     */
    public Duration blockedFor(String address) {
        if (allowed(address)) {
            return Duration.ZERO;
        }
        Record r = state.get(IpAddresses.blockKey(address));
        if (r == null) {
            r = overflow.get();
        }
        long left = r == null ? 0 : r.blockedUntil - time.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /**
     * Counts a violation (a refused request, a failed login).
     *
     * @param address an IP literal
     * @return true if the address is blocked now
     */
    public boolean recordViolation(String address) {
        if (allowed(address)) {
            return false;
        }
        long now = time.nanoTime();
        UnaryOperator<Record> violate = old -> {
            Record cur = old == null ? new Record(now, 0, 0, 0) : old;
            if (cur.blockedUntil > now) {
                return cur;
            }
            boolean fresh = now - cur.windowStart > window;
            int count = (fresh ? 0 : cur.count) + 1;
            long start = fresh ? now : cur.windowStart;
            if (count < violations) {
                return new Record(start, count, cur.strikes, cur.blockedUntil);
            }
            int shift = Math.min(cur.strikes, 30);
            long length = baseBlock > maxBlock >> shift ? maxBlock : Math.min(maxBlock, baseBlock << shift);
            return new Record(now, 0, cur.strikes + 1, now + length);
        };
        Record r = state.update(IpAddresses.blockKey(address), violate);
        if (r == null) {
            r = overflow.updateAndGet(old -> violate.apply(old != null
                    && now - Math.max(old.windowStart, old.blockedUntil) > forgiveAfter ? null : old));
        }
        return r.blockedUntil > now;
    }
}
