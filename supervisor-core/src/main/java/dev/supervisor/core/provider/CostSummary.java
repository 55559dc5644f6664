package dev.supervisor.core.provider;

import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.TokenUsage;

/**
 * Calls, tokens and money spent in one scope.
 *
 * @param calls provider calls made (failed ones included)
 * @param tokens tokens reported
 * @param cost money spent
 */
public record CostSummary(long calls, TokenUsage tokens, Money cost) {
}
