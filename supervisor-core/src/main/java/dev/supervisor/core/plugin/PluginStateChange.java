package dev.supervisor.core.plugin;

import java.time.Instant;

/** A plugin moved from one state to another. */
public interface PluginStateChange {
    /** @return the plugin */
    String pluginId();

    /** @return its previous state */
    PluginState from();

    /** @return its new state */
    PluginState to();

    /** @return when, from the host's clock */
    Instant timestamp();

    /** @return why, for FAILED (e.g. {@code timed out after PT5S in event TaskFailed}); otherwise "" */
    String reason();
}
