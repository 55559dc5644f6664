package dev.supervisor.core.plugin;

import java.time.Instant;
import java.util.Objects;

/**
 * A plugin moved from one state to another.
 *
 * @param pluginId the plugin
 * @param from its previous state
 * @param to its new state
 * @param timestamp when, from the host's clock
 * @param reason why, for FAILED (e.g. {@code timed out after PT5S in event TaskFailed}); otherwise ""
 */
public record PluginStateChange(String pluginId, PluginState from, PluginState to, Instant timestamp,
                                String reason) {
    /**
     * @throws NullPointerException if an argument is null
     */
    public PluginStateChange {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(reason, "reason");
    }
}
