package dev.supervisor.spring.boot.web;

import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.QuotaWindow;
import dev.supervisor.core.provider.CostSummary;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.ProviderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The providers of the {@link ProviderRouter} bean: circuit and health, limits and quotas, spending. */
@RestController
@RequestMapping(SupervisorApiAutoConfiguration.BASE_PATH + "/providers")
public class ProvidersController {
    private final ObjectProvider<ProviderRouter> routers;

    /**
     * Spending in one scope.
     *
     * @param calls provider calls made
     * @param inputTokens input tokens reported
     * @param outputTokens output tokens reported
     * @param amount money spent
     * @param currency its ISO 4217 code
     */
    public record Cost(long calls, long inputTokens, long outputTokens, BigDecimal amount, String currency) {
    }

    /**
     * One provider.
     *
     * @param id the provider
     * @param group its failover group
     * @param taskTypes the task types it serves (empty: all)
     * @param capabilities what it can do
     * @param circuit its circuit: CLOSED, OPEN or HALF_OPEN
     * @param probeHealthy the last health probe's verdict
     * @param inFlight calls in flight
     * @param concurrencyLimit the current concurrency limit
     * @param maxConcurrent the most calls in flight it allows
     * @param cooldownUntil when a cooldown ends, or null
     * @param latencyMillis average observed latency, or null before the first call
     * @param requestQuotas requests allowed per window (MINUTE, HOUR, DAY); absent windows are unlimited
     * @param tokenQuotas tokens allowed per window; absent windows are unlimited
     * @param contextWindow its context window in tokens, 0 if unknown
     * @param cost what was spent through it
     */
    public record ProviderView(String id, String group, Set<String> taskTypes, Set<String> capabilities,
                               String circuit, boolean probeHealthy, int inFlight, int concurrencyLimit,
                               int maxConcurrent, Instant cooldownUntil, Long latencyMillis,
                               Map<String, Long> requestQuotas, Map<String, Long> tokenQuotas, long contextWindow,
                               Cost cost) {
    }

    /**
     * Every provider and the total spent.
     *
     * @param providers the providers, in registration order
     * @param total spending through every provider
     */
    public record ProviderList(List<ProviderView> providers, Cost total) {
    }

    /** @param routers the router bean, if any */
    public ProvidersController(ObjectProvider<ProviderRouter> routers) {
        this.routers = routers;
    }

    /** @return every provider with its state, quotas and costs */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("providers:read")
    public ProviderList list() {
        ProviderRouter router = router();
        return new ProviderList(router.providers().stream().map(p -> view(router, p)).toList(),
                cost(router.costs().total()));
    }

    /** @param id a provider @return its state, quotas and costs */
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("providers:read")
    public ProviderView get(@PathVariable("id") String id) {
        ProviderRouter router = router();
        return router.providers().stream().filter(p -> p.id().equals(id)).findFirst().map(p -> view(router, p))
                .orElseThrow(() -> ApiException.notFound("provider", id));
    }

    private static ProviderView view(ProviderRouter router, Provider p) {
        ProviderStatus s = router.status(p.id());
        ProviderLimits l = p.limits();
        Map<String, Long> requests = new LinkedHashMap<>();
        Map<String, Long> tokens = new LinkedHashMap<>();
        for (QuotaWindow w : QuotaWindow.values()) {
            if (l.requestsPer(w) > 0) {
                requests.put(w.name(), l.requestsPer(w));
            }
            if (l.tokensPer(w) > 0) {
                tokens.put(w.name(), l.tokensPer(w));
            }
        }
        Set<String> types = new TreeSet<>();
        p.taskTypes().forEach(t -> types.add(t.name()));
        return new ProviderView(p.id(), p.group(), types, new TreeSet<>(p.capabilities()), s.circuit().name(),
                s.probeHealthy(), s.inFlight(), s.concurrencyLimit(), l.maxConcurrent(), s.cooldownUntil(),
                s.latency() == null ? null : s.latency().toMillis(), requests, tokens, l.contextWindow(),
                cost(router.costs().provider(p.id())));
    }

    private static Cost cost(CostSummary c) {
        return new Cost(c.calls(), c.tokens().input(), c.tokens().output(), c.cost().amount(),
                c.cost().currency().getCurrencyCode());
    }

    private ProviderRouter router() {
        ProviderRouter r = routers.getIfUnique();
        if (r == null) {
            throw ApiException.unavailable("providers need a ProviderRouter bean");
        }
        return r;
    }
}
