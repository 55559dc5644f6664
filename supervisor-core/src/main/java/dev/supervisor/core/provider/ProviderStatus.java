package dev.supervisor.core.provider;

import dev.supervisor.api.provider.CircuitState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A snapshot of one provider as the router sees it ({@link ProviderRouter#status}). */
public interface ProviderStatus {
    /** @return the provider */
    String providerId();

    /** @return its circuit state */
    CircuitState circuit();

    /** @return calls in flight */
    int inFlight();

    /** @return current concurrency limit (scaled within the provider's maximum) */
    int concurrencyLimit();

    /** @return when a cooldown ends, null if none */
    Instant cooldownUntil();

    /** @return moving average of observed latency, null before the first call */
    Duration latency();

    /** @return the last active probe's verdict (true before any probe) */
    boolean probeHealthy();

    /** @return the cooldown end, if cooling down */
    default Optional<Instant> cooldown() {
        return Optional.ofNullable(cooldownUntil());
    }
}
