package dev.supervisor.api.provider;

/** States of a provider's circuit breaker. */
public enum CircuitState {
    /** Calls flow. */
    CLOSED,
    /** Calls are refused until the open duration has passed. */
    OPEN,
    /** A few trial calls decide between closing and opening again. */
    HALF_OPEN
}
