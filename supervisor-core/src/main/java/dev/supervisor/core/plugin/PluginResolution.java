package dev.supervisor.core.plugin;

import java.util.List;

/**
 * The outcome of resolving a set of plugins: every problem at once, and the plugins that resolved in an order where
 * each comes after the plugins it depends on (the start order; stop order is its reverse).
 */
public interface PluginResolution {
    /** @return every problem, in a deterministic order */
    List<PluginProblem> problems();

    /** @return the resolved plugins, each after its dependencies */
    List<String> startOrder();

    /** @return true if there is no problem */
    default boolean isValid() {
        return problems().isEmpty();
    }

    /**
     * @return this resolution, if valid
     * @throws PluginResolutionException listing every problem, if not
     */
    default PluginResolution throwIfInvalid() {
        if (!isValid()) {
            throw new PluginResolutionException(problems());
        }
        return this;
    }
}
