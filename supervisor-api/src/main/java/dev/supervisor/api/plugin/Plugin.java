package dev.supervisor.api.plugin;

/**
 * A plugin's entry point. List the class in {@code META-INF/services/dev.supervisor.api.plugin.Plugin} (a plugin on
 * the host's module path may use {@code provides dev.supervisor.api.plugin.Plugin with ...} instead) and annotate it
 * with {@link SupervisorPlugin}; it needs a public no-argument constructor, and the host creates a new instance for
 * each start. The host calls every method on the plugin's own bounded thread pool with a time limit: a plugin that
 * hangs or keeps failing is quarantined, and the host keeps running.
 *
 * <p>Everything a plugin may do in the host goes through the {@link PluginContext} it receives: it holds only
 * the capabilities the host granted. Plugin jars see the JDK, {@code dev.supervisor.api} and SLF4J from the
 * host; any other library must be in the plugin jar itself (it stays private to the plugin).
 */
public interface Plugin {
    /**
     * Starts the plugin: subscribe to events, register extensions, schedule work. Whatever is registered through
     * the context is undone by the host when the plugin stops.
     *
     * @param context what the host granted this plugin
     * @throws Exception if the plugin cannot start; it then moves to FAILED
     */
    void start(PluginContext context) throws Exception;

    /**
     * Stops the plugin: release what it created itself (threads, files, caches), since its class loader is
     * discarded afterwards.
     *
     * @throws Exception if stopping failed; the plugin then moves to FAILED
     */
    default void stop() throws Exception {
    }

    /**
     * Reports the plugin's health. Keep it cheap and local: it must not call remote services.
     *
     * @return the plugin's health
     */
    default PluginHealth health() {
        return PluginHealth.up();
    }
}
