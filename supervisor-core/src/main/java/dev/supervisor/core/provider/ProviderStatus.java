package dev.supervisor.core.provider;

import dev.supervisor.api.provider.CircuitState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one provider as the router sees it.
 *
 * @param providerId the provider
 * @param circuit its circuit state
 * @param inFlight calls in flight
 * @param concurrencyLimit current concurrency limit (scaled within the provider's maximum)
 * @param cooldownUntil when a cooldown ends, null if none
 * @param latency moving average of observed latency, null before the first call
 * @param probeHealthy the last active probe's verdict (true before any probe)
 */
public record ProviderStatus(String providerId, CircuitState circuit, int inFlight, int concurrencyLimit,
                             Instant cooldownUntil, Duration latency, boolean probeHealthy) {
    /** @return the cooldown end, if cooling down */
    public Optional<Instant> cooldown() {
        return Optional.ofNullable(cooldownUntil);
    }
}
