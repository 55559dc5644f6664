package dev.supervisor.core.plugin;

import dev.supervisor.api.plugin.PluginDescriptor;
import dev.supervisor.api.plugin.SemanticVersion;
import dev.supervisor.core.plugin.internal.DefaultPluginResolver;
import java.util.List;
import java.util.Objects;

/**
 * Resolves plugin descriptors against each other and the host API, on the workflow graph code: the same cycle
 * search (with the shortest path through each cycle) and the same deterministic topological order. Reports every
 * problem at once: duplicate ids, host API out of range, missing dependencies, wrong versions, cycles, and
 * plugins whose dependencies did not resolve. An optional dependency that is absent is fine.
 */
public interface PluginResolver {

    /**
     * @param descriptors the plugins, in priority order: of two with one id the first is kept
     * @return the resolution
     */
    PluginResolution resolve(List<PluginDescriptor> descriptors);

    /**
     * @param hostApi the plugin API version the host provides (usually
     *        {@link dev.supervisor.api.plugin.PluginApi#VERSION})
     * @return a resolver
     */
    static PluginResolver of(SemanticVersion hostApi) {
        return new DefaultPluginResolver(Objects.requireNonNull(hostApi, "hostApi"));
    }
}
