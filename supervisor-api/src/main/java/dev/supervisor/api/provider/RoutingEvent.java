package dev.supervisor.api.provider;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything a router does that an operator may want to see: each provider attempt with its provider and reason,
 * circuit transitions, quota thresholds (80, 95 and 100 %), cooldowns, waits and deferrals, concurrency changes.
 */
public sealed interface RoutingEvent {

    /** @return when it happened, by the router's clock */
    Instant timestamp();

    /**
     * A provider was chosen and called for a task.
     *
     * @param timestamp when
     * @param runId the run ({@code ""} outside a run)
     * @param taskId the task
     * @param providerId the provider
     * @param attempt 1 for the first provider, 2 for the first failover...
     * @param reason why this provider (strategy, affinity, failover after ...)
     */
    record AttemptStarted(Instant timestamp, String runId, String taskId, String providerId, int attempt,
                          String reason) implements RoutingEvent {
    }

    /**
     * A provider call succeeded.
     *
     * @param timestamp when
     * @param runId the run
     * @param taskId the task
     * @param providerId the provider
     * @param attempt the attempt number
     * @param duration how long it took
     * @param usage tokens used
     * @param cost what it cost
     * @param model the model that answered
     */
    record AttemptSucceeded(Instant timestamp, String runId, String taskId, String providerId, int attempt,
                            Duration duration, TokenUsage usage, Money cost, String model) implements RoutingEvent {
    }

    /**
     * A provider call failed.
     *
     * @param timestamp when
     * @param runId the run
     * @param taskId the task
     * @param providerId the provider
     * @param attempt the attempt number
     * @param kind the failure kind
     * @param reason the provider's message
     * @param failsOver true if another provider will be tried
     */
    record AttemptFailed(Instant timestamp, String runId, String taskId, String providerId, int attempt,
                         FailureKind kind, String reason, boolean failsOver) implements RoutingEvent {
    }

    /**
     * A provider's circuit breaker changed state.
     *
     * @param timestamp when
     * @param providerId the provider
     * @param from the old state
     * @param to the new state
     * @param reason what triggered it
     */
    record CircuitTransition(Instant timestamp, String providerId, CircuitState from, CircuitState to,
                             String reason) implements RoutingEvent {
    }

    /**
     * Use of a quota crossed 80, 95 or 100 % upwards (reported once per crossing; again after it falls below 80 %).
     *
     * @param timestamp when
     * @param scope the provider id, or the shared quota's name (e.g. an API key's label)
     * @param window the window
     * @param resource requests or tokens
     * @param percent 80, 95 or 100
     * @param used used (and reserved) in the window
     * @param limit the limit
     */
    record QuotaThresholdCrossed(Instant timestamp, String scope, QuotaWindow window, QuotaResource resource,
                                 int percent, long used, long limit) implements RoutingEvent {
    }

    /**
     * A provider is taken out of rotation until a time (rate limit, overload, exhausted quota).
     *
     * @param timestamp when
     * @param providerId the provider
     * @param until when it may be chosen again
     * @param cause the failure that caused it
     */
    record CooldownStarted(Instant timestamp, String providerId, Instant until, FailureKind cause)
            implements RoutingEvent {
    }

    /**
     * A task found no provider available now and waits, or is deferred because of its priority.
     *
     * @param timestamp when
     * @param runId the run
     * @param taskId the task
     * @param until the earliest time a provider frees up
     * @param deferred true if the task is deferred (its caller gets it back), false if it waits
     * @param reason what blocks it
     */
    record TaskHeldBack(Instant timestamp, String runId, String taskId, Instant until, boolean deferred,
                        String reason) implements RoutingEvent {
    }

    /**
     * Routing of a task ended.
     *
     * @param timestamp when
     * @param runId the run
     * @param outcome the outcome with the full provider history
     */
    record RouteFinished(Instant timestamp, String runId, RouteOutcome outcome) implements RoutingEvent {
    }

    /**
     * A provider's concurrency limit changed (dynamic scaling from a capacity advisor).
     *
     * @param timestamp when
     * @param providerId the provider
     * @param from the old limit
     * @param to the new limit
     * @param reason how the new limit was derived
     */
    record ConcurrencyChanged(Instant timestamp, String providerId, int from, int to, String reason)
            implements RoutingEvent {
    }
}
