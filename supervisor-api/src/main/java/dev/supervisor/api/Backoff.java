package dev.supervisor.api;

/**
 * How the delay between retry attempts grows.
 */
public enum Backoff {
    /** The same delay every time. */
    FIXED,
    /** delay × attempt. */
    LINEAR,
    /** delay × 2^(attempt-1). */
    EXPONENTIAL
}
