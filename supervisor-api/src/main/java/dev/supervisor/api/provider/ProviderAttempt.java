package dev.supervisor.api.provider;

import java.time.Instant;
import java.util.Objects;

/**
 * One call of one provider for a task: part of the task's provider history.
 *
 * @param attempt 1 for the first provider tried, 2 for the first failover...
 * @param providerId the provider called
 * @param startedAt when the call started
 * @param result what it returned
 */
public record ProviderAttempt(int attempt, String providerId, Instant startedAt, ProviderResult result) {
    /** Checks the components. */
    public ProviderAttempt {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1 but was " + attempt);
        }
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(result, "result");
    }
}
