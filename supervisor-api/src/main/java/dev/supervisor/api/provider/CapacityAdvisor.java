package dev.supervisor.api.provider;

import dev.supervisor.api.TaskType;
import java.time.Instant;
import java.util.Optional;

/**
 * Predicts from recorded provider history: how long and how much a task will take on a provider (with an
 * interval), when a quota will run out, and how many calls a provider should run at once for the demand ahead. The
 * router feeds it every finished call and uses its predictions to leave out providers that would miss a request's
 * deadline; a concurrency scaler applies its recommendations. Implementations must be thread-safe.
 */
public interface CapacityAdvisor {

    /**
     * @param observation a finished call
     */
    void record(ProviderObservation observation);

    /**
     * @param providerId the provider
     * @param taskType the task type
     * @return predicted duration in seconds, or empty without enough history
     */
    Optional<Estimate> predictDuration(String providerId, TaskType taskType);

    /**
     * @param providerId the provider
     * @param taskType the task type
     * @return predicted cost of one call in the provider's currency, or empty without enough history
     */
    Optional<Estimate> predictCost(String providerId, TaskType taskType);

    /**
     * @param providerId the provider
     * @param remainingRequests requests left in the current quota window
     * @param now the current time
     * @return when the quota is predicted to run out at the forecast demand, or empty if not before the horizon
     */
    Optional<Instant> predictQuotaExhaustion(String providerId, long remainingRequests, Instant now);

    /**
     * @param providerId the provider
     * @param now the current time
     * @param min the smallest acceptable recommendation, at least 1
     * @param max the largest acceptable recommendation, at least {@code min}
     * @return the recommended concurrency within [min, max]
     */
    ConcurrencyAdvice recommendConcurrency(String providerId, Instant now, int min, int max);
}
