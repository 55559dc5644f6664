package dev.supervisor.core.provider.internal;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CapacityAdvisor;
import dev.supervisor.api.provider.CircuitState;
import dev.supervisor.api.provider.Estimate;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.core.provider.RoutingStrategy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The filter chain and the strategies. {@link #select} allocates nothing for requests without required
 * capabilities, deadline or budget: it scans the slots once with primitive scores. Guarded by the router's lock.
 */
final class Selector {
    static final int OK = 0;
    static final int UNFIT = 1;
    static final int OVER_BUDGET = 2;
    static final int BLOCKED = 3;

    /** What the last scan saw, for explaining an empty choice. */
    static final class Scan {
        boolean blocked;
        boolean overBudget;
        double remaining;
    }

    private final Slot[] slots;
    private final RoutingStrategy strategy;
    private final CapacityAdvisor advisor;
    private final Ledger ledger;
    private final Map<String, Slot> affinity = new HashMap<>();
    private final boolean[] serves;
    private TaskType servesType;
    private int cursor;

    Selector(Slot[] slots, RoutingStrategy strategy, CapacityAdvisor advisor, Ledger ledger) {
        this.slots = slots;
        this.strategy = strategy;
        this.advisor = advisor;
        this.ledger = ledger;
        this.serves = new boolean[slots.length];
    }

    /** Which slots serve the type, worked out once per type in a row (task types are mostly shared constants). */
    private void serving(TaskType type) {
        if (type != servesType) {
            for (Slot s : slots) {
                serves[s.index] = s.types.isEmpty() || s.types.contains(type);
            }
            servesType = type;
        }
    }

    /**
     * @param tried providers already tried for this task (by slot index), or null
     * @param minContext smallest context window acceptable (0 for any)
     * @param group failover group to prefer, or null
     * @return the chosen slot or null
     */
    Slot select(ProviderRequest r, boolean[] tried, long minContext, String group, long now, Scan scan) {
        scan.blocked = false;
        scan.overBudget = false;
        scan.remaining = ledger.remaining(r, now);
        serving(r.taskType());
        if (strategy == RoutingStrategy.STICKY) {
            String key = r.affinityKey().orElse(null);
            Slot s = key == null ? null : affinity.get(key);
            if (s != null && check(s, r, tried, minContext, now, scan) == OK) {
                return s;
            }
        }
        if (group != null) {
            Slot s = best(r, tried, minContext, group, now, scan);
            if (s != null) {
                return s;
            }
        }
        return best(r, tried, minContext, null, now, scan);
    }

    private Slot best(ProviderRequest r, boolean[] tried, long minContext, String group, long now, Scan scan) {
        Slot best = null;
        double bestKey = Double.POSITIVE_INFINITY;
        List<String> preferred = r.preferred();
        for (Slot s : slots) {
            if (!serves[s.index] || group != null && !group.equals(s.group)) {
                continue;
            }
            // The key is cheap and the filters are not: a slot that cannot beat the best so far is not filtered.
            // With no best yet every slot is filtered, so an empty choice has seen every reason.
            double key = preferred.isEmpty() ? key(s, r) : preferred.indexOf(s.id);
            if (key >= bestKey || check(s, r, tried, minContext, now, scan) != OK) {
                continue;
            }
            bestKey = key;
            best = s;
        }
        return best;
    }

    private double key(Slot s, ProviderRequest r) {
        switch (strategy) {
            case ROUND_ROBIN:
                return Math.floorMod(s.index - cursor, slots.length);
            case WEIGHTED:
                return -(s.currentWeight + s.weight);
            case LEAST_LOADED:
                return (double) s.inFlight / s.concurrency;
            case FASTEST:
                return Double.isNaN(s.latencyMillis) ? -1 : s.latencyMillis;
            case CHEAPEST:
                return s.estimate(r);
            case CAPABILITY:
                double typeScore = s.types.contains(r.taskType()) ? 10 : 5;
                return -(typeScore + 10.0 * (s.concurrency - s.inFlight) / s.concurrency + 10 * s.successRate);
            default:
                return s.priority;
        }
    }

    /** The filter chain: preferred/excluded, capability, health, budget, quota and concurrency. */
    int check(Slot s, ProviderRequest r, boolean[] tried, long minContext, long now, Scan scan) {
        if (servesType != r.taskType()) {
            serving(r.taskType());
        }
        if (!serves[s.index]) {
            return UNFIT;
        }
        if (tried != null && tried[s.index] || !r.preferred().isEmpty() && !r.preferred().contains(s.id)
                || r.excluded().contains(s.id)) {
            return UNFIT;
        }
        Set<String> caps = r.capabilities();
        if (!caps.isEmpty() && !s.capabilities.containsAll(caps)) {
            return UNFIT;
        }
        long window = s.limits.contextWindow();
        if (minContext > 0 && window < minContext || window > 0 && window < r.inputTokens()) {
            return UNFIT;
        }
        if (advisor != null && r.deadline().isPresent() && tooSlow(s, r, now)) {
            return UNFIT;
        }
        if (!s.probeHealthy || s.cooldownUntil > now || !s.breaker.allows(now)) {
            scan.blocked = true;
            return BLOCKED;
        }
        if (scan.remaining != Double.POSITIVE_INFINITY && s.estimate(r) > scan.remaining) {
            scan.overBudget = true;
            return OVER_BUDGET;
        }
        if (s.inFlight >= s.concurrency || !s.quotaAdmits(now, Slot.tokens(r))) {
            scan.blocked = true;
            return BLOCKED;
        }
        return OK;
    }

    private boolean tooSlow(Slot s, ProviderRequest r, long now) {
        Optional<Estimate> e = advisor.predictDuration(s.id, r.taskType());
        long left = r.deadline().get().toEpochMilli() - now;
        return e.isPresent() && e.get().upper() * 1000 > left;
    }

    /** @return the earliest time a blocked slot may become eligible (Long.MAX_VALUE if never) */
    long freeAt(Slot s, ProviderRequest r, long now, long poll) {
        long t = now;
        if (!s.probeHealthy) {
            t = now + poll;
        }
        t = Math.max(t, s.cooldownUntil);
        if (s.breaker.state() == CircuitState.OPEN) {
            t = Math.max(t, s.breaker.openUntil());
        } else if (!s.breaker.allows(now) || s.inFlight >= s.concurrency) {
            t = Math.max(t, now + poll);
        }
        return Math.max(t, s.quotaFreeAt(now, Slot.tokens(r)));
    }

    /** Updates strategy state once a slot is actually taken. */
    void commit(Slot chosen, ProviderRequest r, boolean[] tried, long minContext, long now, Scan scan) {
        switch (strategy) {
            case ROUND_ROBIN:
                cursor = (chosen.index + 1) % slots.length;
                break;
            case WEIGHTED:
                long total = 0;
                for (Slot s : slots) {
                    if (s == chosen || check(s, r, tried, minContext, now, scan) == OK) {
                        s.currentWeight += s.weight;
                        total += s.weight;
                    }
                }
                chosen.currentWeight -= total;
                break;
            case STICKY:
                r.affinityKey().ifPresent(k -> affinity.put(k, chosen));
                break;
            default:
                break;
        }
    }
}
