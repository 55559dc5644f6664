package dev.supervisor.core.provider;

import dev.supervisor.api.provider.CapacityAdvisor;
import dev.supervisor.api.provider.ConcurrencyAdvice;
import dev.supervisor.api.provider.Provider;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Makes each provider's concurrency follow a {@link CapacityAdvisor}'s recommendation, within [min, the provider's
 * maximum]; each change is a {@link dev.supervisor.api.provider.RoutingEvent.ConcurrencyChanged} event of the
 * router. Call {@link #rescale()} periodically (e.g. every minute from a scheduler).
 */
public final class ConcurrencyScaler {
    private final ProviderRouter router;
    private final CapacityAdvisor advisor;
    private final Clock clock;
    private final int min;

    private ConcurrencyScaler(ProviderRouter router, CapacityAdvisor advisor, Clock clock, int min) {
        this.router = Objects.requireNonNull(router, "router");
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (min < 1) {
            throw new IllegalArgumentException("min must be at least 1 but was " + min);
        }
        this.min = min;
    }

    /**
     * @param router the router whose limits to set
     * @param advisor the advisor
     * @param clock the clock
     * @param min the smallest concurrency ever set, at least 1
     * @return a scaler
     */
    public static ConcurrencyScaler of(ProviderRouter router, CapacityAdvisor advisor, Clock clock, int min) {
        return new ConcurrencyScaler(router, advisor, clock, min);
    }

    /** @return the limit applied per provider */
    public Map<String, Integer> rescale() {
        Map<String, Integer> applied = new LinkedHashMap<>();
        for (Provider p : router.providers()) {
            int max = p.limits().maxConcurrent();
            int lo = Math.min(min, max);
            ConcurrencyAdvice a = advisor.recommendConcurrency(p.id(), clock.instant(), lo, max);
            int want = Math.max(lo, Math.min(max, a.concurrency()));
            applied.put(p.id(), router.setConcurrency(p.id(), want, a.reason()));
        }
        return applied;
    }
}
