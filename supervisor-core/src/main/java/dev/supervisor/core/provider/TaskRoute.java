package dev.supervisor.core.provider;

import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.RouteOutcome;
import java.util.Optional;

/**
 * The routing of one task, step by step, for callers that run provider calls themselves (an engine with its own
 * threads, a simulation on a manual clock). At most one call is outstanding: {@link #next()} while a lease is held
 * throws, so a task never runs on two providers at once. Thread-safe.
 */
public interface TaskRoute {

    /** @return the request being routed */
    ProviderRequest request();

    /**
     * @return what to do now
     * @throws IllegalStateException if a lease is outstanding
     */
    RouteDecision next();

    /**
     * Hands back a call's result: releases the lease, settles quotas, budget, health and latency, and decides
     * whether the task is done.
     *
     * @param lease the lease from {@link #next()}
     * @param result what the provider returned; null counts as a crash
     * @return true if routing has ended (see {@link #outcome()})
     * @throws IllegalStateException if the lease is not this route's outstanding one
     */
    boolean complete(Lease lease, ProviderResult result);

    /** @return the outcome once routing has ended */
    Optional<RouteOutcome> outcome();
}
