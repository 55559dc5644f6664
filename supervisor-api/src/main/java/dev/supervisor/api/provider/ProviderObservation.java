package dev.supervisor.api.provider;

import dev.supervisor.api.TaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One finished provider call as a {@link CapacityAdvisor} learns from it.
 *
 * @param providerId the provider
 * @param taskType the task type
 * @param startedAt when the call started
 * @param duration how long it took
 * @param succeeded whether it succeeded
 * @param usage tokens used
 * @param cost what it cost
 */
public record ProviderObservation(String providerId, TaskType taskType, Instant startedAt, Duration duration,
                                  boolean succeeded, TokenUsage usage, Money cost) {
    /** Checks that no component is null. */
    public ProviderObservation {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(cost, "cost");
    }
}
