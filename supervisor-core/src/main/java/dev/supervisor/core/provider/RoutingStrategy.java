package dev.supervisor.core.provider;

/**
 * How the router picks among the providers left after its filters (preferred/excluded, capability, health,
 * budget, quota). Ties go to the provider registered first.
 */
public enum RoutingStrategy {
    /** Lowest priority number first; the next one on failover. */
    PRIORITY,
    /** Each eligible provider in turn. */
    ROUND_ROBIN,
    /** Smooth weighted round robin by each provider's weight: deterministic, spread evenly. */
    WEIGHTED,
    /** Fewest calls in flight relative to the provider's concurrency limit. */
    LEAST_LOADED,
    /** Lowest moving average (EWMA) of observed latency; providers not yet observed are tried first. */
    FASTEST,
    /** Lowest estimated cost of this request (its input tokens and most output tokens on each price list). */
    CHEAPEST,
    /** Highest score of explicit task-type support, spare capacity and recent success rate. */
    CAPABILITY,
    /** The provider that served the request's affinity key last, while it is eligible; else by priority. */
    STICKY
}
