package dev.supervisor.core.plugin;

import java.util.List;

/** One reason a plugin cannot be resolved; its {@code toString()} is {@code KIND: message}. */
public interface PluginProblem {

    /** Kinds of resolution problems. */
    enum Kind {
        /** The descriptor could not be read (the message names the field). */
        INVALID_DESCRIPTOR,
        /** Two plugins share an id; the later one is ignored. */
        DUPLICATE_ID,
        /** The plugin needs a host API version this host does not provide. */
        HOST_API_OUT_OF_RANGE,
        /** A required dependency is not present. */
        MISSING_DEPENDENCY,
        /** A dependency is present in a version outside the range asked for. */
        WRONG_VERSION,
        /** Plugins depend on each other in a cycle. */
        CYCLE,
        /** A required dependency is present but cannot be resolved itself. */
        DEPENDENCY_UNRESOLVED
    }

    /** @return what is wrong */
    Kind kind();

    /**
     * @return the plugins involved: the one that cannot resolve first (for a cycle: the path, its first plugin
     *         repeated at the end); empty when a descriptor could not be read
     */
    List<String> pluginIds();

    /** @return where the plugin's descriptor was read, e.g. {@code plugin jar /opt/plugins/slack.jar} */
    String source();

    /** @return a deterministic, human-readable description naming plugins, versions and sources */
    String message();

    /** @return the plugin that cannot resolve, or "" when its descriptor could not be read */
    default String pluginId() {
        return pluginIds().isEmpty() ? "" : pluginIds().get(0);
    }
}
