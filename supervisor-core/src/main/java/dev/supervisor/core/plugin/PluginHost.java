package dev.supervisor.core.plugin;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.plugin.DataSource;
import dev.supervisor.api.plugin.WebhookRequest;
import dev.supervisor.api.plugin.WebhookResponse;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.plugin.internal.DefaultPluginHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads, resolves, starts, stops and unloads plugins ({@link dev.supervisor.api.plugin.Plugin}).
 *
 * <p><b>Loading.</b> From the class path, or from a directory with one class loader per jar: the loader asks its
 * parent for the JDK, {@code dev.supervisor.api} and SLF4J (so API types are the host's own, never a copy), and
 * loads everything else from the jar first, so two plugins can carry different versions of one library. Host
 * classes outside the shared packages are invisible to plugins. Descriptors are read before any plugin class is
 * instantiated, and every problem of a load is reported at once ({@link PluginResolution}).
 *
 * <p><b>Containment of accidents.</b> Each plugin runs on its own bounded thread pool; a callback that overruns
 * the time limit, or a run of failures, quarantines the plugin (FAILED, nothing more delivered) while the host and
 * the other plugins carry on. Capabilities are enforced where the host API is called. None of this contains hostile
 * code: a JVM cannot stop a thread that ignores interruption, nor keep a plugin from using the JDK directly.
 *
 * <p><b>Unloading.</b> Stopping withdraws everything the plugin registered through its context and ends its
 * threads; unloading closes its class loader. A plugin that released what it created itself leaves nothing
 * behind: its loader is garbage collected and its jar can be deleted or replaced ({@link #reload}).
 */
public interface PluginHost extends AutoCloseable {

    /**
     * @param config the configuration
     * @return a host with no plugins yet
     */
    static PluginHost create(PluginHostConfig config) {
        return new DefaultPluginHost(config);
    }

    /**
     * Loads the plugins visible to the parent class loader ({@code META-INF/services} on the class path). They
     * share the host's class loader, so they can be stopped but their classes are never unloaded.
     *
     * @return the resolution of every plugin known to the host
     */
    PluginResolution loadClasspath();

    /**
     * Loads every {@code *.jar} in a directory (not its subdirectories), in file-name order.
     *
     * @param directory the directory
     * @return the resolution of every plugin known to the host
     * @throws java.io.UncheckedIOException if the directory cannot be listed
     */
    PluginResolution loadDirectory(Path directory);

    /**
     * Loads one plugin jar.
     *
     * @param jar the jar
     * @return the resolution of every plugin known to the host
     */
    PluginResolution load(Path jar);

    /** @return every loaded plugin, resolved ones in start order first */
    List<PluginHandle> plugins();

    /**
     * @param id a plugin id
     * @return the plugin, unless unknown or unloaded
     */
    Optional<PluginHandle> plugin(String id);

    /**
     * Starts a plugin, after starting the plugins it requires.
     *
     * @param id a plugin id
     * @throws IllegalPluginStateException if it (or a dependency) cannot move to STARTED
     * @throws PluginException if it is unknown, or it or a dependency failed to start (it is then FAILED)
     */
    void start(String id);

    /**
     * Stops a plugin, after stopping the started plugins that require it.
     *
     * @param id a plugin id
     * @throws IllegalPluginStateException if it is not STARTED
     * @throws PluginException if it is unknown or its {@code stop} failed (it is then FAILED)
     */
    void stop(String id);

    /**
     * Starts every RESOLVED or STOPPED plugin in start order. A plugin that fails to start is FAILED, and the
     * plugins that require it are not started (they stay where they were); the others still start.
     *
     * @return one exception per plugin that did not start, with the reason
     */
    List<PluginException> startAll();

    /** Stops every started plugin in reverse start order. */
    void stopAll();

    /**
     * Switches a plugin off and records it in the {@link PluginStateStore}; after a restart it is loaded DISABLED.
     *
     * @param id a plugin id
     * @throws IllegalPluginStateException if it is STARTED (stop it first) or UNLOADED
     */
    void disable(String id);

    /**
     * Switches a disabled plugin back on and resolves it again (RESOLVED if it resolves, else CREATED).
     *
     * @param id a plugin id
     * @return the resolution of every plugin known to the host
     * @throws IllegalPluginStateException if it is not DISABLED
     */
    PluginResolution enable(String id);

    /**
     * Unloads a plugin (stopping it first if started) and closes its class loader.
     *
     * @param id a plugin id
     * @throws PluginException if it is unknown
     */
    void unload(String id);

    /**
     * Replaces a plugin by the current content of its jar: stops the plugins that require it, unloads it, loads the
     * jar again, and starts what was started before. Other plugins keep running.
     *
     * @param id a plugin loaded from a jar
     * @return the resolution after the reload
     * @throws PluginException if it is unknown or came from the class path
     */
    PluginResolution reload(String id);

    /**
     * A handler for the engine's configuration that runs the task on whichever started plugin registered a
     * {@link dev.supervisor.api.plugin.ExtensionPoint#TASK_HANDLER} for the type, on the engine's thread (the
     * engine's task timeout applies).
     *
     * @param type a task type
     * @return a handler; it fails the attempt when no started plugin handles the type
     */
    TaskHandler taskHandler(TaskType type);

    /**
     * @param name a data source name
     * @return the data source registered under it by a started plugin; reads run on the plugin's threads within
     *         the time limit and return a copy
     */
    Optional<DataSource> dataSource(String name);

    /**
     * The providers that started plugins registered ({@link dev.supervisor.api.plugin.ExtensionPoint#PROVIDER}), in
     * registration order, to build a {@link dev.supervisor.core.provider.RouterConfig} from once the plugins have
     * started. Each is a view the host keeps: it declares what the plugin's provider declared when this was called
     * (a router reads that once), and calls the plugin's provider, looked up by id at each call, on the caller's
     * thread with the plugin's class loader. When the plugin stops its provider is withdrawn: it is no longer
     * listed, and a view taken before answers every request with {@code UNAVAILABLE} and probes down (the router
     * fails over, and takes it out of rotation at its next probe) until a started plugin registers the id again.
     *
     * @return views of the providers of started plugins
     */
    List<Provider> providers();

    /**
     * @param id a provider id
     * @return a view of the provider a started plugin registered under that id (as in {@link #providers()})
     */
    Optional<Provider> provider(String id);

    /**
     * Passes an inbound webhook to the integration registered under {@code name}.
     *
     * @param name an integration name
     * @param request the request
     * @return its answer; 404 if no started plugin has that integration, 500 if it failed or timed out
     */
    WebhookResponse webhook(String name, WebhookRequest request);

    /**
     * @param listener told about every state change
     * @return a subscription that removes it
     */
    Subscription addListener(PluginStateListener listener);

    /** @return the bus plugins use */
    EventBus events();

    /** Stops and unloads every plugin and releases the host's threads. */
    @Override
    void close();
}
