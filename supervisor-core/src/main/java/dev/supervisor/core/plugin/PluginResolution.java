package dev.supervisor.core.plugin;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of resolving a set of plugins: every problem at once, and the plugins that resolved in an order where
 * each comes after the plugins it depends on (the start order; stop order is its reverse).
 */
public final class PluginResolution {
    private final List<PluginProblem> problems;
    private final List<String> startOrder;

    /**
     * @param problems every problem found, in a deterministic order
     * @param startOrder ids of the plugins that resolved, dependencies first
     */
    public PluginResolution(List<PluginProblem> problems, List<String> startOrder) {
        this.problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        this.startOrder = List.copyOf(Objects.requireNonNull(startOrder, "startOrder"));
    }

    /** @return every problem, in a deterministic order */
    public List<PluginProblem> problems() {
        return problems;
    }

    /** @return the resolved plugins, each after its dependencies */
    public List<String> startOrder() {
        return startOrder;
    }

    /** @return true if there is no problem */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * @return this resolution, if valid
     * @throws PluginResolutionException listing every problem, if not
     */
    public PluginResolution throwIfInvalid() {
        if (!isValid()) {
            throw new PluginResolutionException(problems);
        }
        return this;
    }

    @Override
    public String toString() {
        return "PluginResolution{startOrder=" + startOrder + ", problems=" + problems + "}";
    }
}
