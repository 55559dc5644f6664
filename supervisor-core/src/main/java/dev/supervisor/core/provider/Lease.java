package dev.supervisor.core.provider;

import dev.supervisor.api.provider.Provider;
import java.time.Instant;

/**
 * One granted call: the provider's concurrency slot, its request and token reservations and the budget estimate,
 * held until the result is handed to {@link TaskRoute#complete(Lease, dev.supervisor.api.provider.ProviderResult)}.
 */
public interface Lease {
    /** @return the provider to call */
    Provider provider();

    /** @return the attempt number within the task, from 1 */
    int attempt();

    /** @return when the lease was granted */
    Instant startedAt();
}
