package dev.supervisor.api.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one provider call produced: a {@link Success} or a typed {@link Failure}. A provider never reports a failure
 * as a success, and never throws for an expected failure.
 */
public sealed interface ProviderResult permits ProviderResult.Success, ProviderResult.Failure {

    /** @return how long the call took */
    Duration duration();

    /** @return true for a {@link Success} */
    default boolean succeeded() {
        return this instanceof Success;
    }

    /**
     * The call succeeded.
     *
     * @param output the agent's or model's answer
     * @param usage tokens consumed
     * @param cost what the call cost
     * @param model the model that answered (as reported, or the configured one)
     * @param duration how long the call took
     */
    record Success(String output, TokenUsage usage, Money cost, String model, Duration duration)
            implements ProviderResult {
        /** Checks that no component is null. */
        public Success {
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(cost, "cost");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /**
     * The call failed.
     *
     * @param kind what kind of failure, which decides failover, cooldown and health
     * @param message what went wrong, free of secrets
     * @param retryAfter how long the provider asked to wait, or null
     * @param resetAt when an exhausted quota resets, or null
     * @param duration how long the call took
     * @param usage tokens consumed anyway (a stream cut in the middle still costs), often {@link TokenUsage#NONE}
     */
    record Failure(FailureKind kind, String message, Duration retryAfter, Instant resetAt, Duration duration,
                   TokenUsage usage) implements ProviderResult {
        /** Checks the required components. */
        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(usage, "usage");
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative but was " + retryAfter);
            }
        }

        /**
         * @param kind the kind
         * @param message what went wrong
         * @param duration how long the call took
         * @return a failure without retry-after, reset time or usage
         */
        public static Failure of(FailureKind kind, String message, Duration duration) {
            return new Failure(kind, message, null, null, duration, TokenUsage.NONE);
        }

        /** @return the provider's retry-after, if it gave one */
        public Optional<Duration> retryAfterHint() {
            return Optional.ofNullable(retryAfter);
        }

        /** @return the quota reset time, if known */
        public Optional<Instant> resetTime() {
            return Optional.ofNullable(resetAt);
        }
    }
}
