package dev.supervisor.core.provider.internal;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.core.provider.RouterConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The router's state of one provider. Mutable fields are guarded by the router's lock. */
final class Slot {
    final int index;
    final Provider provider;
    final String id;
    final String group;
    final int priority;
    final int weight;
    final ProviderLimits limits;
    final Set<TaskType> types;
    final Set<String> capabilities;
    final Quota own;
    Quota[] shared = new Quota[0];
    final Breaker breaker;
    /** Prices as doubles, only to rank providers by estimated cost without allocating. */
    private final double callRate;
    private final double inRate;
    private final double outRate;
    private final Map<String, double[]> modelRates = new HashMap<>();

    int concurrency;
    int inFlight;
    long cooldownUntil;
    double latencyMillis = Double.NaN;
    double successRate = 1;
    boolean probeHealthy = true;
    long currentWeight;

    Slot(int index, RouterConfig.Entry entry, RouterConfig config) {
        this.index = index;
        this.provider = entry.provider();
        this.id = provider.id();
        this.group = provider.group();
        this.priority = entry.priority();
        this.weight = entry.weight();
        this.limits = provider.limits();
        this.types = Set.copyOf(provider.taskTypes());
        this.capabilities = Set.copyOf(provider.capabilities());
        this.own = new Quota(id, limits, config.zone());
        this.breaker = new Breaker(config.circuitBreaker(), id);
        this.concurrency = limits.maxConcurrent();
        CostModel cm = provider.costModel();
        CostModel.Rates d = cm.rates(null);
        callRate = d.perCall().doubleValue();
        inRate = d.perThousandInput().doubleValue() / 1000;
        outRate = d.perThousandOutput().doubleValue() / 1000;
    }

    /** @return the estimated cost of the request's tokens, as a double for ranking */
    double estimate(ProviderRequest r) {
        double c = callRate;
        double i = inRate;
        double o = outRate;
        String model = r.model().orElse(null);
        if (model != null) {
            double[] m = modelRates.get(model);
            if (m == null) {
                CostModel.Rates rates = provider.costModel().rates(model);
                m = new double[] {rates.perCall().doubleValue(), rates.perThousandInput().doubleValue() / 1000,
                        rates.perThousandOutput().doubleValue() / 1000};
                modelRates.put(model, m);
            }
            c = m[0];
            i = m[1];
            o = m[2];
        }
        return c + i * r.inputTokens() + o * r.maxOutputTokens();
    }

    /** @return the tokens reserved for a request: its input and its most output */
    static long tokens(ProviderRequest r) {
        return r.inputTokens() + r.maxOutputTokens();
    }

    boolean quotaAdmits(long now, long tokens) {
        if (!own.admits(now, tokens)) {
            return false;
        }
        for (Quota q : shared) {
            if (!q.admits(now, tokens)) {
                return false;
            }
        }
        return true;
    }

    long quotaFreeAt(long now, long tokens) {
        long t = own.freeAt(now, tokens);
        for (Quota q : shared) {
            t = Math.max(t, q.freeAt(now, tokens));
        }
        return t;
    }

    boolean blockedByDay(long now, long tokens) {
        if (own.blockedByDay(now, tokens)) {
            return true;
        }
        for (Quota q : shared) {
            if (q.blockedByDay(now, tokens)) {
                return true;
            }
        }
        return false;
    }

    void observe(double millis, boolean ok) {
        latencyMillis = Double.isNaN(latencyMillis) ? millis : latencyMillis * 0.8 + millis * 0.2;
        successRate = successRate * 0.9 + (ok ? 0.1 : 0);
    }
}
