/**
 * The Supervisor workflow model and its service-provider interfaces: workflow and task specifications, run handles
 * and outcomes, lifecycle events, and the SPIs for task handlers, stores, providers and plugins. Depends on the JDK
 * only.
 *
 * <p>Task handlers can be discovered with {@link java.util.ServiceLoader}: a module provides
 * {@code dev.supervisor.api.spi.TaskHandler} (and {@code dev.supervisor.api.plugin.Plugin} for plugins), and
 * {@code dev.supervisor.core} uses them.
 */
module dev.supervisor.api {
    // PluginContext.http() hands plugins a java.net.http.HttpClient.
    requires transitive java.net.http;

    exports dev.supervisor.api;
    exports dev.supervisor.api.event;
    exports dev.supervisor.api.plugin;
    exports dev.supervisor.api.provider;
    exports dev.supervisor.api.spi;
}
