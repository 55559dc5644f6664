package dev.supervisor.core.provider.internal;

import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.TokenUsage;
import dev.supervisor.core.provider.Budget;
import dev.supervisor.core.provider.CostLedger;
import dev.supervisor.core.provider.CostSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * Spending per scope and the budgets over it. Reservations hold a call's estimate until its cost is known, so
 * concurrent calls cannot together overshoot a budget. Guarded by the router's lock (reads synchronise on it too).
 */
final class Ledger implements CostLedger {
    private static final class Acc {
        long calls;
        long in;
        long out;
        BigDecimal cost = BigDecimal.ZERO;
    }

    private static final class Account {
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        double remaining;
        final BigDecimal limit;

        Account(BigDecimal limit) {
            this.limit = limit;
            this.remaining = limit.doubleValue();
        }

        void refresh() {
            remaining = limit.subtract(spent).subtract(reserved).doubleValue();
        }
    }

    private final Object lock;
    private final Currency currency;
    private final ZoneId zone;
    private final Acc total = new Acc();
    private final Map<String, Acc> providers = new HashMap<>();
    private final Map<String, Acc> runs = new HashMap<>();
    private final Map<String, Acc> tasks = new HashMap<>();
    private final Map<String, Acc> workflows = new HashMap<>();
    private final Map<String, Acc> tenants = new HashMap<>();
    private final BigDecimal[] limits = new BigDecimal[Budget.Scope.values().length];
    @SuppressWarnings("unchecked")
    private final Map<String, Account>[] accounts = new Map[Budget.Scope.values().length];
    private long dayEnd = Long.MIN_VALUE;

    Ledger(Object lock, Currency currency, ZoneId zone, Map<Budget.Scope, Budget> budgets) {
        this.lock = lock;
        this.currency = currency;
        this.zone = zone;
        for (Budget b : budgets.values()) {
            limits[b.scope().ordinal()] = b.limit().amount();
            accounts[b.scope().ordinal()] = new HashMap<>();
        }
    }

    private static String key(Budget.Scope s, ProviderRequest r) {
        switch (s) {
            case RUN:
                return r.runId();
            case WORKFLOW:
                return r.workflowId();
            case TENANT:
                return r.tenant();
            default:
                return "";
        }
    }

    private void rollDay(long now) {
        if (limits[Budget.Scope.DAY.ordinal()] != null && now >= dayEnd) {
            accounts[Budget.Scope.DAY.ordinal()].clear();
            dayEnd = Instant.ofEpochMilli(now).atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant()
                    .toEpochMilli();
        }
    }

    /** @return the least budget left for the request over every scope (infinite without budgets); no allocation */
    double remaining(ProviderRequest r, long now) {
        double min = Double.POSITIVE_INFINITY;
        for (Budget.Scope s : BUDGET_SCOPES) {
            BigDecimal limit = limits[s.ordinal()];
            if (limit != null) {
                if (s == Budget.Scope.DAY) {
                    rollDay(now);
                }
                Account a = accounts[s.ordinal()].get(key(s, r));
                min = Math.min(min, a == null ? limit.doubleValue() : a.remaining);
            }
        }
        return min;
    }

    private static final Budget.Scope[] BUDGET_SCOPES = Budget.Scope.values();

    /** @return null if the estimate fits every budget (and is now reserved), else the scope it would exceed */
    Budget.Scope reserve(ProviderRequest r, BigDecimal estimate, long now) {
        rollDay(now);
        for (Budget.Scope s : BUDGET_SCOPES) {
            BigDecimal limit = limits[s.ordinal()];
            if (limit != null) {
                Account a = accounts[s.ordinal()].computeIfAbsent(key(s, r), k -> new Account(limit));
                if (a.spent.add(a.reserved).add(estimate).compareTo(limit) > 0) {
                    return s;
                }
            }
        }
        for (Budget.Scope s : BUDGET_SCOPES) {
            if (limits[s.ordinal()] != null) {
                Account a = accounts[s.ordinal()].get(key(s, r));
                a.reserved = a.reserved.add(estimate);
                a.refresh();
            }
        }
        return null;
    }

    /** Replaces a reservation by the actual cost and books the call in every scope. */
    void settle(ProviderRequest r, String providerId, BigDecimal reserved, Money cost, TokenUsage usage, long now) {
        rollDay(now);
        for (Budget.Scope s : BUDGET_SCOPES) {
            if (limits[s.ordinal()] != null) {
                Account a = accounts[s.ordinal()].computeIfAbsent(key(s, r), k -> new Account(limits[s.ordinal()]));
                BigDecimal left = a.reserved.subtract(reserved);
                a.reserved = left.signum() < 0 ? BigDecimal.ZERO : left;
                a.spent = a.spent.add(cost.amount());
                a.refresh();
            }
        }
        book(total, cost, usage);
        book(providers.computeIfAbsent(providerId, k -> new Acc()), cost, usage);
        book(runs.computeIfAbsent(r.runId(), k -> new Acc()), cost, usage);
        book(tasks.computeIfAbsent(r.runId() + '\u0000' + r.taskId(), k -> new Acc()), cost, usage);
        book(workflows.computeIfAbsent(r.workflowId(), k -> new Acc()), cost, usage);
        book(tenants.computeIfAbsent(r.tenant(), k -> new Acc()), cost, usage);
    }

    private static void book(Acc a, Money cost, TokenUsage usage) {
        a.calls++;
        a.in += usage.input();
        a.out += usage.output();
        a.cost = a.cost.add(cost.amount());
    }

    private CostSummary summary(Acc a) {
        synchronized (lock) {
            return a == null ? new Spent(0, TokenUsage.NONE, Money.zero(currency))
                    : new Spent(a.calls, TokenUsage.of(a.in, a.out), Money.of(a.cost, currency));
        }
    }

    private record Spent(long calls, TokenUsage tokens, Money cost) implements CostSummary {
    }

    private CostSummary find(Map<String, Acc> map, String key) {
        synchronized (lock) {
            return summary(map.get(key));
        }
    }

    @Override
    public CostSummary total() {
        return summary(total);
    }

    @Override
    public CostSummary provider(String providerId) {
        return find(providers, providerId);
    }

    @Override
    public CostSummary run(String runId) {
        return find(runs, runId);
    }

    @Override
    public CostSummary task(String runId, String taskId) {
        return find(tasks, runId + '\u0000' + taskId);
    }

    @Override
    public CostSummary workflow(String workflowId) {
        return find(workflows, workflowId);
    }

    @Override
    public CostSummary tenant(String tenant) {
        return find(tenants, tenant);
    }
}
