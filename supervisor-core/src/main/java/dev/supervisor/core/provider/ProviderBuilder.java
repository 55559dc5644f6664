package dev.supervisor.core.provider;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.ProviderLimits;
import java.util.Objects;
import java.util.Set;

/**
 * What every built-in provider's builder declares: failover group, limits, prices, task types and capabilities.
 * Not thread-safe.
 *
 * @param <B> the concrete builder
 */
public abstract class ProviderBuilder<B extends ProviderBuilder<B>> {
    final String id;
    String group;
    ProviderLimits limits = ProviderLimits.unlimited();
    CostModel costModel = CostModel.free("USD");
    Set<TaskType> types = Set.of();
    Set<String> capabilities = Set.of();

    ProviderBuilder(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("provider id must not be blank");
        }
        this.id = id;
    }

    static java.time.Duration positive(String option, java.time.Duration d) {
        Objects.requireNonNull(d, option);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + " must be positive but was " + d);
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** @param group failover group (default: the id) @return this builder */
    public B group(String group) {
        this.group = Objects.requireNonNull(group, "group");
        return self();
    }

    /** @param limits concurrency, rate and token limits, context window @return this builder */
    public B limits(ProviderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return self();
    }

    /** @param costModel prices (default: free, in USD) @return this builder */
    public B costModel(CostModel costModel) {
        this.costModel = Objects.requireNonNull(costModel, "costModel");
        return self();
    }

    /** @param types task types served (none: every type) @return this builder */
    public B taskTypes(TaskType... types) {
        this.types = Set.of(types);
        return self();
    }

    /** @param capabilities declared capabilities @return this builder */
    public B capabilities(String... capabilities) {
        this.capabilities = Set.of(capabilities);
        return self();
    }
}
