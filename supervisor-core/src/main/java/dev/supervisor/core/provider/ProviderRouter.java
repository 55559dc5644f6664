package dev.supervisor.core.provider;

import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.RouteOutcome;
import dev.supervisor.core.provider.internal.DefaultRouter;

/**
 * Routes provider requests: filters the registered providers (preferred/excluded, capability and context window,
 * health and circuit, budget, quotas and concurrency), picks one by the {@link RoutingStrategy}, and on failure
 * decides by the failure's kind whether and where to fail over, never trying a provider twice for one task.
 * Thread-safe. Create with {@link #create(RouterConfig)}.
 */
public interface ProviderRouter {

    /**
     * @param config the configuration
     * @return a router
     */
    static ProviderRouter create(RouterConfig config) {
        return new DefaultRouter(config);
    }

    /**
     * Routes a request to completion on the calling thread: calls providers, fails over, waits out short blocks
     * with the configured {@link Waiter}.
     *
     * @param request the request
     * @return the outcome with every attempt; {@code SUCCEEDED} only if a provider succeeded
     * @throws InterruptedException if interrupted while waiting (the outstanding call, if any, is settled first)
     */
    RouteOutcome route(ProviderRequest request) throws InterruptedException;

    /**
     * Starts routing a request step by step (see {@link TaskRoute}).
     *
     * @param request the request
     * @return the task's route
     */
    TaskRoute open(ProviderRequest request);

    /**
     * Runs the filters and the strategy without reserving anything: what {@link #open} would choose first now.
     * Allocation-free for requests without required capabilities, deadline or budget.
     *
     * @param request the request
     * @return the chosen provider's id, or null if none is eligible now
     */
    String choose(ProviderRequest request);

    /**
     * @param providerId a registered provider
     * @return its current status
     * @throws IllegalArgumentException if the id is unknown
     */
    ProviderStatus status(String providerId);

    /**
     * Sets a provider's concurrency limit (clamped to [1, its maximum]); calls in flight above it finish normally.
     *
     * @param providerId a registered provider
     * @param limit the new limit
     * @param reason why, for the event
     * @return the limit applied
     * @throws IllegalArgumentException if the id is unknown
     */
    int setConcurrency(String providerId, int limit, String reason);

    /**
     * Runs every provider's active probe now, on the calling thread. An unhealthy answer takes the provider out of
     * rotation until a later probe answers healthy.
     */
    void probeAll();

    /** @return the registered providers in registration order */
    java.util.List<dev.supervisor.api.provider.Provider> providers();

    /** @return spending so far */
    CostLedger costs();
}
