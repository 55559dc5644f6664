package dev.supervisor.core.provider.internal;

import dev.supervisor.api.provider.CircuitState;
import dev.supervisor.core.provider.CircuitBreakerConfig;

/**
 * A provider's circuit breaker: count- and rate-based opening, timed half-open trials. Guarded by the router's
 * lock. Only calls started as trials decide a half-open circuit; late results of calls started while closed are
 * ignored there.
 */
final class Breaker {
    private final CircuitBreakerConfig config;
    private final String providerId;
    private final long openMillis;
    private final boolean[] ring;
    private CircuitState state = CircuitState.CLOSED;
    private int consecutive;
    private int ringPos;
    private int ringCount;
    private int ringFailures;
    private long openUntil;
    private int trialsInFlight;
    private int trialsSucceeded;

    Breaker(CircuitBreakerConfig config, String providerId) {
        this.config = config;
        this.providerId = providerId;
        this.openMillis = config.openDuration().toMillis();
        this.ring = new boolean[config.windowSize()];
    }

    CircuitState state() {
        return state;
    }

    /** @return true if a call may start now (an open circuit whose time has passed admits trials) */
    boolean allows(long now) {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                return now >= openUntil;
            default:
                return trialsInFlight < config.halfOpenCalls();
        }
    }

    /** @return when an open circuit admits trials */
    long openUntil() {
        return openUntil;
    }

    /** Takes a call slot. @return true if the call is a half-open trial */
    boolean acquire(long now, Events events) {
        if (state == CircuitState.OPEN && now >= openUntil) {
            transition(CircuitState.HALF_OPEN, "open for " + config.openDuration() + ", trying again", events);
        }
        if (state == CircuitState.HALF_OPEN) {
            trialsInFlight++;
            return true;
        }
        return false;
    }

    /**
     * @param trial whether the call was a trial
     * @param counted whether the outcome says anything about health (success, or a health failure)
     * @param failed whether it was a health failure
     */
    void record(long now, boolean trial, boolean counted, boolean failed, Events events) {
        if (trial) {
            trialsInFlight--;
            if (!counted) {
                return;
            }
            if (failed) {
                open(now, "trial call failed", events);
            } else if (++trialsSucceeded >= config.halfOpenCalls() && state == CircuitState.HALF_OPEN) {
                reset();
                transition(CircuitState.CLOSED, trialsSucceeded + " trial call(s) succeeded", events);
            }
            return;
        }
        if (state != CircuitState.CLOSED || !counted) {
            return;
        }
        if (ringCount == ring.length && ring[ringPos]) {
            ringFailures--;
        }
        ring[ringPos] = failed;
        ringPos = (ringPos + 1) % ring.length;
        ringCount = Math.min(ringCount + 1, ring.length);
        if (failed) {
            ringFailures++;
            consecutive++;
        } else {
            consecutive = 0;
        }
        if (failed && consecutive >= config.consecutiveFailures()) {
            open(now, consecutive + " failures in a row", events);
        } else if (failed && ringCount >= config.minimumCalls()
                && ringFailures >= config.failureRate() * ringCount) {
            open(now, ringFailures + " of the last " + ringCount + " calls failed", events);
        }
    }

    /** Opens the circuit now (e.g. a failed active probe). */
    void forceOpen(long now, String reason, Events events) {
        if (state != CircuitState.OPEN) {
            open(now, reason, events);
        }
    }

    private void open(long now, String reason, Events events) {
        openUntil = now + openMillis;
        trialsSucceeded = 0;
        transition(CircuitState.OPEN, reason, events);
    }

    private void reset() {
        consecutive = 0;
        ringPos = 0;
        ringCount = 0;
        ringFailures = 0;
        trialsSucceeded = 0;
        java.util.Arrays.fill(ring, false);
    }

    private void transition(CircuitState to, String reason, Events events) {
        CircuitState from = state;
        state = to;
        if (from != to) {
            events.circuit(providerId, from, to, reason);
        }
    }
}
