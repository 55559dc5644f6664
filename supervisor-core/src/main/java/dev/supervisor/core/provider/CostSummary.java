package dev.supervisor.core.provider;

import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.TokenUsage;

/** Calls, tokens and money spent in one scope ({@link CostLedger}). */
public interface CostSummary {
    /** @return provider calls made (failed ones included) */
    long calls();

    /** @return tokens reported */
    TokenUsage tokens();

    /** @return money spent */
    Money cost();
}
