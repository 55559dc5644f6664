package dev.supervisor.api.provider;

import java.util.Objects;

/**
 * A recommended concurrency for a provider.
 *
 * @param providerId the provider
 * @param concurrency the recommendation, within the bounds asked for
 * @param reason how it was derived, for the {@link RoutingEvent.ConcurrencyChanged} event
 */
public record ConcurrencyAdvice(String providerId, int concurrency, String reason) {
    /** Checks the components. */
    public ConcurrencyAdvice {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(reason, "reason");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1 but was " + concurrency);
        }
    }
}
