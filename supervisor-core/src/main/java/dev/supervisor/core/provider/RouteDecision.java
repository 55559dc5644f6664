package dev.supervisor.core.provider;

import dev.supervisor.api.provider.RouteOutcome;
import java.time.Instant;

/** What {@link TaskRoute#next()} says to do now. */
public sealed interface RouteDecision {

    /**
     * Call the lease's provider, then hand the result to {@link TaskRoute#complete}.
     *
     * @param lease the granted call
     */
    record Call(Lease lease) implements RouteDecision {
    }

    /**
     * No provider is available now; ask again at {@code until} (or earlier, after any call finishes).
     *
     * @param until earliest time a provider frees up, by the router's clock
     * @param reason what blocks the task
     */
    record Wait(Instant until, String reason) implements RouteDecision {
    }

    /**
     * Quotas are exhausted for longer than the router waits and the task's priority lets it be deferred; the route
     * stays open and may be asked again at {@code until}.
     *
     * @param until when to ask again
     * @param reason what blocks the task
     */
    record Defer(Instant until, String reason) implements RouteDecision {
    }

    /**
     * Routing has ended.
     *
     * @param outcome the outcome with the provider history
     */
    record Done(RouteOutcome outcome) implements RouteDecision {
    }
}
