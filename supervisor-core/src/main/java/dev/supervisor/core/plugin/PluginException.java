package dev.supervisor.core.plugin;

import dev.supervisor.api.SupervisorException;
import java.util.Objects;

/**
 * Something went wrong with one plugin: it failed to start or stop, timed out, or is not loaded.
 */
public class PluginException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    private final String pluginId;

    /**
     * @param pluginId the plugin
     * @param message what went wrong, naming the plugin
     * @param cause the underlying failure, or null
     */
    public PluginException(String pluginId, String message, Throwable cause) {
        super(message, cause);
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
    }

    /** @return the plugin */
    public String pluginId() {
        return pluginId;
    }
}
