package dev.supervisor.core.provider;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.ProviderLimits;
import java.util.Set;

/** The declarations every built-in provider takes from its {@link ProviderBuilder}. */
abstract class DeclaredProvider implements Provider {
    private final String id;
    private final String group;
    private final ProviderLimits limits;
    private final CostModel costModel;
    private final Set<TaskType> types;
    private final Set<String> capabilities;

    DeclaredProvider(ProviderBuilder<?> b) {
        id = b.id;
        group = b.group == null ? b.id : b.group;
        limits = b.limits;
        costModel = b.costModel;
        types = Set.copyOf(b.types);
        capabilities = Set.copyOf(b.capabilities);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String group() {
        return group;
    }

    @Override
    public final Set<TaskType> taskTypes() {
        return types;
    }

    @Override
    public final Set<String> capabilities() {
        return capabilities;
    }

    @Override
    public final ProviderLimits limits() {
        return limits;
    }

    @Override
    public final CostModel costModel() {
        return costModel;
    }
}
