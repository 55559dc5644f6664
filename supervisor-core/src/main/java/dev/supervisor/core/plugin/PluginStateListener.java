package dev.supervisor.core.plugin;

/**
 * Told about every state change of every plugin, on the thread that made it (a host caller, or a plugin's thread
 * when it is quarantined). A listener that throws is logged and ignored.
 */
@FunctionalInterface
public interface PluginStateListener {
    /**
     * @param change the change
     */
    void onChange(PluginStateChange change);
}
