package dev.supervisor.core.provider;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/** A test provider answering from a queue of results (then successes), counting calls. */
class Scripted implements Provider {
    final String id;
    final Deque<ProviderResult> script = new ArrayDeque<>();
    ProviderLimits limits = ProviderLimits.unlimited();
    CostModel costModel = CostModel.builder("USD").perThousandInput("0.003").perThousandOutput("0.015").build();
    Set<TaskType> types = Set.of();
    String group;
    int calls;

    Scripted(String id) {
        this.id = id;
    }

    static ProviderResult ok(long in, long out) {
        return new ProviderResult.Success("done", TokenUsage.of(in, out),
                CostModel.builder("USD").perThousandInput("0.003").perThousandOutput("0.015").build()
                        .cost(null, TokenUsage.of(in, out)), "m", Duration.ofMillis(100));
    }

    static ProviderResult fail(FailureKind kind) {
        return ProviderResult.Failure.of(kind, kind + " from test", Duration.ofMillis(50));
    }

    static ProviderResult rateLimited(Duration retryAfter) {
        return new ProviderResult.Failure(FailureKind.RATE_LIMITED, "429", retryAfter, null, Duration.ofMillis(5),
                TokenUsage.NONE);
    }

    static ProviderResult quotaExhausted(Instant reset) {
        return new ProviderResult.Failure(FailureKind.QUOTA_EXHAUSTED, "daily quota", null, reset,
                Duration.ofMillis(5), TokenUsage.NONE);
    }

    Scripted then(ProviderResult... results) {
        for (ProviderResult r : results) {
            script.add(r);
        }
        return this;
    }

    Scripted limits(ProviderLimits l) {
        this.limits = l;
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String group() {
        return group == null ? id : group;
    }

    @Override
    public Set<TaskType> taskTypes() {
        return types;
    }

    @Override
    public ProviderLimits limits() {
        return limits;
    }

    @Override
    public CostModel costModel() {
        return costModel;
    }

    @Override
    public synchronized ProviderResult execute(ProviderRequest request) {
        calls++;
        ProviderResult r = script.poll();
        return r != null ? r : ok(request.inputTokens(), 10);
    }
}
