package dev.supervisor.core.plugin;

import dev.supervisor.api.plugin.Capability;
import dev.supervisor.api.plugin.PluginDescriptor;
import dev.supervisor.api.plugin.PluginHealth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A view of one plugin in a {@link PluginHost}. It stays readable after the plugin is unloaded (its state is then
 * UNLOADED) but no longer references the plugin's classes.
 */
public interface PluginHandle {
    /** @return the plugin id */
    default String id() {
        return descriptor().id();
    }

    /** @return its descriptor */
    PluginDescriptor descriptor();

    /** @return its state now */
    PluginState state();

    /** @return the capabilities granted to it (empty until it starts) */
    Set<Capability> granted();

    /**
     * Asks a started plugin for its health, on its own threads within the host's time limit; any other state is
     * DOWN with the state as detail.
     *
     * @return its health
     */
    PluginHealth health();

    /** @return its callback counters */
    PluginStats stats();

    /** @return why it is unresolved (CREATED) or FAILED, if it is */
    Optional<String> problem();

    /**
     * @return what the plugin registered through its context while started, in registration order (one entry per
     *         task type of a task handler); empty unless it is STARTED
     */
    List<Extension> extensions();

    /**
     * One extension a plugin registered; its {@code toString()} is {@code point} or {@code point:name}, e.g.
     * {@code task-handler:greet}.
     */
    interface Extension {
        /**
         * @return the extension point's name ({@link dev.supervisor.api.plugin.ExtensionPoint#name()}), e.g.
         *         {@code task-handler} or {@code notification}
         */
        String point();

        /**
         * @return the task type, data source name or integration name; null for notification channels and
         *         analytics consumers, which have none
         */
        String name();
    }
}
