package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.plugin.DataSource;
import dev.supervisor.api.plugin.PluginDependency;
import dev.supervisor.api.plugin.PluginDescriptor;
import dev.supervisor.api.plugin.PluginDescriptorException;
import dev.supervisor.api.plugin.WebhookRequest;
import dev.supervisor.api.plugin.WebhookResponse;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.EventBuses;
import dev.supervisor.core.plugin.PluginException;
import dev.supervisor.core.plugin.PluginHandle;
import dev.supervisor.core.plugin.PluginHost;
import dev.supervisor.core.plugin.PluginHostConfig;
import dev.supervisor.core.plugin.PluginProblem;
import dev.supervisor.core.plugin.PluginResolution;
import dev.supervisor.core.plugin.PluginResolver;
import dev.supervisor.core.plugin.PluginState;
import dev.supervisor.core.plugin.PluginStateChange;
import dev.supervisor.core.plugin.PluginStateListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loading and resolution; the moves between states are in {@link Lifecycle}. Host operations are serialised by one
 * lock; plugin code never runs under it except through a time-limited wait, and a quarantine (from a plugin's or
 * the timer's thread) takes only the plugin's own monitor.
 */
public final class DefaultPluginHost implements PluginHost {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultPluginHost.class);
    private final PluginHostConfig config;
    private final HostThreads threads;
    private final HostServices services;
    private final PluginScanner scanner;
    private final PluginResolver resolver;
    private final Lifecycle lifecycle;
    final ReentrantLock lock = new ReentrantLock();
    /** Loaded plugins in load order; guarded by {@link #lock}. */
    final Map<String, LoadedPlugin> plugins = new LinkedHashMap<>();
    /** The last resolution's start order; guarded by {@link #lock}. */
    List<String> order = List.of();
    private final CopyOnWriteArrayList<PluginStateListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param config the configuration
     */
    public DefaultPluginHost(PluginHostConfig config) {
        this.config = config;
        this.threads = new HostThreads(config);
        EventBus bus = config.eventBus() != null ? config.eventBus() : EventBuses.create(256, Runnable::run);
        this.services = new HostServices(config, config.clock(), threads.timer, bus, config.supervisor(),
                config.secrets(), new Audit(config.audit(), config.clock()), threads.http, new Extensions(),
                threads.hop);
        this.scanner = new PluginScanner(config.parentLoader(), config.sharedPackages());
        this.resolver = PluginResolver.of(config.hostApi());
        this.lifecycle = new Lifecycle(this, config, services);
    }

    @Override
    public PluginResolution loadClasspath() {
        List<PluginProblem> problems = new ArrayList<>();
        List<Candidate> found;
        try {
            found = scanner.scanClasspath(e -> problems.add(invalid(e)));
        } catch (PluginDescriptorException e) {
            problems.add(invalid(e));
            found = List.of();
        }
        return register(found, problems);
    }

    @Override
    public PluginResolution loadDirectory(Path directory) {
        return loadJars(PluginScanner.jars(directory));
    }

    @Override
    public PluginResolution load(Path jar) {
        return loadJars(List.of(jar));
    }

    private PluginResolution loadJars(List<Path> jars) {
        List<PluginProblem> problems = new ArrayList<>();
        List<Candidate> found = new ArrayList<>();
        for (Path jar : jars) {
            try {
                found.add(scanner.scanJar(jar));
            } catch (PluginDescriptorException e) {
                problems.add(invalid(e));
            }
        }
        return register(found, problems);
    }

    private static PluginProblem invalid(PluginDescriptorException e) {
        return new Problem(PluginProblem.Kind.INVALID_DESCRIPTOR, List.of(), e.source(), e.getMessage());
    }

    private PluginResolution register(List<Candidate> found, List<PluginProblem> problems) {
        return locked(() -> {
            for (Candidate c : found) {
                PluginDescriptor d = c.descriptor();
                LoadedPlugin taken = plugins.get(d.id());
                if (taken != null) {
                    problems.add(new Problem(PluginProblem.Kind.DUPLICATE_ID, List.of(d.id()), d.source(),
                            "plugin id '" + d.id() + "' is declared twice: by " + taken.descriptor().source()
                                    + " and by " + d.source() + " (the second is ignored)"));
                    c.close();
                    continue;
                }
                LoadedPlugin p = new LoadedPlugin(c, config.parentLoader(), config.clock(), this::notifyListeners);
                plugins.put(d.id(), p);
                if (!config.stateStore().isEnabled(d.id())) {
                    p.moveTo(PluginState.DISABLED, "");
                }
            }
            PluginResolution r = resolve();
            problems.addAll(r.problems());
            return new Resolution(problems, r.startOrder());
        });
    }

    /** Resolves every enabled plugin; the unresolved ones stay CREATED with their problem. */
    PluginResolution resolve() {
        List<PluginDescriptor> all = new ArrayList<>();
        for (LoadedPlugin p : plugins.values()) {
            if (p.state() != PluginState.DISABLED) {
                all.add(p.descriptor());
            }
        }
        PluginResolution r = resolver.resolve(all);
        order = r.startOrder();
        for (LoadedPlugin p : plugins.values()) {
            if (p.state() != PluginState.CREATED) {
                continue;
            }
            if (order.contains(p.id())) {
                p.moveTo(PluginState.RESOLVED, "");
            } else {
                p.problem(r.problems().stream().filter(x -> x.pluginIds().contains(p.id()))
                        .map(PluginProblem::message).findFirst().orElse("not resolved"));
            }
        }
        return r;
    }

    /** Runs a host operation under the host's lock. */
    void locked(Runnable operation) {
        lock.lock();
        try {
            operation.run();
        } finally {
            lock.unlock();
        }
    }

    <T> T locked(java.util.function.Supplier<T> operation) {
        lock.lock();
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    LoadedPlugin get(String id) {
        LoadedPlugin p = plugins.get(id);
        if (p == null) {
            throw new PluginException(id, "no plugin '" + id + "' is loaded", null);
        }
        return p;
    }

    /** Plugins loaded now that require {@code id} (not optionally), in start order. */
    List<LoadedPlugin> requiring(String id) {
        List<LoadedPlugin> out = new ArrayList<>();
        for (LoadedPlugin p : ordered()) {
            for (PluginDependency d : p.descriptor().dependencies()) {
                if (d.pluginId().equals(id) && !d.optional()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Resolved plugins in start order, then the others in load order. */
    List<LoadedPlugin> ordered() {
        List<LoadedPlugin> out = new ArrayList<>();
        for (String id : order) {
            LoadedPlugin p = plugins.get(id);
            if (p != null) {
                out.add(p);
            }
        }
        for (LoadedPlugin p : plugins.values()) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private void notifyListeners(PluginStateChange change) {
        for (PluginStateListener l : listeners) {
            try {
                l.onChange(change);
            } catch (RuntimeException e) {
                LOG.warn("plugin state listener failed on {}", change, e);
            }
        }
    }

    @Override
    public List<PluginHandle> plugins() {
        return locked(() -> List.<PluginHandle>copyOf(ordered()));
    }

    @Override
    public Optional<PluginHandle> plugin(String id) {
        return locked(() -> Optional.<PluginHandle>ofNullable(plugins.get(id)));
    }

    @Override
    public void start(String id) {
        lifecycle.start(id);
    }

    @Override
    public void stop(String id) {
        lifecycle.stop(id);
    }

    @Override
    public List<PluginException> startAll() {
        return lifecycle.startAll();
    }

    @Override
    public void stopAll() {
        lifecycle.stopAll();
    }

    @Override
    public void disable(String id) {
        lifecycle.disable(id);
    }

    @Override
    public PluginResolution enable(String id) {
        return lifecycle.enable(id);
    }

    @Override
    public void unload(String id) {
        lifecycle.unload(id);
    }

    @Override
    public PluginResolution reload(String id) {
        return lifecycle.reload(id);
    }

    @Override
    public TaskHandler taskHandler(TaskType type) {
        return ExtensionCalls.taskHandler(services.extensions(), type);
    }

    @Override
    public Optional<DataSource> dataSource(String name) {
        return ExtensionCalls.dataSource(services.extensions(), name);
    }

    @Override
    public List<Provider> providers() {
        Extensions ext = services.extensions();
        return ext.providers().stream().<Provider>map(o -> PluginProvider.of(ext, o)).toList();
    }

    @Override
    public Optional<Provider> provider(String id) {
        Extensions ext = services.extensions();
        return ext.provider(java.util.Objects.requireNonNull(id, "id")).map(o -> PluginProvider.of(ext, o));
    }

    @Override
    public WebhookResponse webhook(String name, WebhookRequest request) {
        return ExtensionCalls.webhook(services.extensions(), name, request);
    }

    @Override
    public Subscription addListener(PluginStateListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    @Override
    public EventBus events() {
        return services.bus();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            lifecycle.stopAll();
            for (String id : List.copyOf(plugins.keySet())) {
                lifecycle.unload(id);
            }
        } finally {
            lock.unlock();
            threads.shutdown();
        }
    }
}
