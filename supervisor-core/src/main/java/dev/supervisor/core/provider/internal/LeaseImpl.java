package dev.supervisor.core.provider.internal;

import dev.supervisor.api.provider.Provider;
import dev.supervisor.core.provider.Lease;
import java.math.BigDecimal;
import java.time.Instant;

/** A granted call and everything it reserved, released exactly once. */
final class LeaseImpl implements Lease {
    final Routing route;
    final Slot slot;
    final int attempt;
    final Instant startedAt;
    final long startMillis;
    final boolean trial;
    final long tokens;
    final BigDecimal reservedCost;
    /** Bucket ids per quota scope (own first, then shared), to settle tokens against. */
    final long[][] buckets;
    boolean open = true;

    LeaseImpl(Routing route, Slot slot, int attempt, Instant startedAt, long startMillis, boolean trial, long tokens,
              BigDecimal reservedCost) {
        this.route = route;
        this.slot = slot;
        this.attempt = attempt;
        this.startedAt = startedAt;
        this.startMillis = startMillis;
        this.trial = trial;
        this.tokens = tokens;
        this.reservedCost = reservedCost;
        this.buckets = new long[1 + slot.shared.length][6];
    }

    @Override
    public Provider provider() {
        return slot.provider;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public String toString() {
        return "Lease{" + slot.id + ", attempt " + attempt + "}";
    }
}
