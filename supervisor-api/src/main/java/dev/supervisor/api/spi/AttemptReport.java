package dev.supervisor.api.spi;

import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.ProviderAttempt;
import dev.supervisor.api.provider.TokenUsage;
import java.util.List;
import java.util.Objects;

/**
 * How an attempt was carried out, as its handler reports it through {@link TaskContext#report}: which provider
 * did the work (an AI agent, a service), at what cost, and the calls it took (a router's failovers). The engine
 * puts the provider and the cost on the attempt's events and publishes each provider call as a
 * {@link dev.supervisor.api.event.TaskProviderAttempt}.
 *
 * @param provider the provider that produced the result (or the last one tried)
 * @param model the model, or null
 * @param usage tokens used over all calls
 * @param cost what all calls cost, or null when unknown
 * @param calls the provider calls, oldest first (empty for a handler that called one provider directly)
 */
public record AttemptReport(String provider, String model, TokenUsage usage, Money cost, List<ProviderAttempt> calls) {
    /**
     * @throws NullPointerException if the provider, usage or calls are null
     */
    public AttemptReport {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(usage, "usage");
        calls = List.copyOf(calls);
    }
}
