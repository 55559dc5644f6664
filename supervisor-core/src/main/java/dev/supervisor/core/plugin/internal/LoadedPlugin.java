package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.plugin.Capability;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginDescriptor;
import dev.supervisor.api.plugin.PluginHealth;
import dev.supervisor.core.plugin.IllegalPluginStateException;
import dev.supervisor.core.plugin.PluginHandle;
import dev.supervisor.core.plugin.PluginState;
import dev.supervisor.core.plugin.PluginStateChange;
import dev.supervisor.core.plugin.PluginStats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One plugin and what the host holds for it. The state is guarded by this object's monitor, never held while
 * plugin code runs; the references to the plugin's classes (provider, instance, context, threads, loader) are
 * dropped when it stops or unloads, so a handle kept by a caller does not keep the plugin's class loader alive.
 */
final class LoadedPlugin implements PluginHandle {
    private final PluginDescriptor descriptor;
    private final Path jar;
    private final Clock clock;
    private final Consumer<PluginStateChange> listeners;
    private PluginState state = PluginState.CREATED;
    private String problem;
    private Set<Capability> granted = Set.of();
    private PluginStats lastStats = Counters.NONE;
    private volatile ServiceLoader.Provider<Plugin> provider;
    private volatile ClassLoader loader;
    private PluginClassLoader ownLoader;
    private volatile Bulkhead bulkhead;
    private volatile DefaultPluginContext context;
    private volatile Plugin instance;

    LoadedPlugin(Candidate c, ClassLoader parent, Clock clock, Consumer<PluginStateChange> listeners) {
        this.descriptor = c.descriptor();
        this.jar = c.jar();
        this.provider = c.provider();
        this.ownLoader = c.loader();
        this.loader = c.loader() != null ? c.loader() : parent;
        this.clock = clock;
        this.listeners = listeners;
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public synchronized PluginState state() {
        return state;
    }

    @Override
    public synchronized Set<Capability> granted() {
        return granted;
    }

    @Override
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public List<Extension> extensions() {
        DefaultPluginContext c = context;
        return c == null || state() != PluginState.STARTED ? List.of() : c.registered();
    }

    @Override
    public PluginStats stats() {
        Bulkhead b = bulkhead;
        return b != null ? b.stats() : lastStats;
    }

    @Override
    public PluginHealth health() {
        Plugin p = instance;
        Bulkhead b = bulkhead;
        PluginState s = state();
        if (s != PluginState.STARTED || p == null || b == null) {
            return PluginHealth.down(s + problem().map(r -> ": " + r).orElse(""));
        }
        try {
            return b.call("health check", p::health, false).join();
        } catch (CompletionException e) {
            return PluginHealth.down("health check failed: " + e.getCause());
        }
    }

    Path jar() {
        return jar;
    }

    ClassLoader classLoader() {
        return loader;
    }

    ServiceLoader.Provider<Plugin> provider() {
        return provider;
    }

    Bulkhead bulkhead() {
        return bulkhead;
    }

    DefaultPluginContext context() {
        return context;
    }

    Plugin instance() {
        return instance;
    }

    synchronized void problem(String reason) {
        this.problem = reason;
    }

    /** @return true if it may move there now */
    synchronized boolean can(PluginState to) {
        return state.canMoveTo(to);
    }

    /** @throws IllegalPluginStateException unless it may move there now */
    synchronized void check(PluginState to) {
        if (!state.canMoveTo(to)) {
            throw new IllegalPluginStateException(descriptor.id(), state, to);
        }
    }

    /**
     * Moves to a state and tells the listeners (outside the monitor).
     *
     * @throws IllegalPluginStateException if the move is not allowed
     */
    void moveTo(PluginState to, String reason) {
        PluginStateChange change;
        synchronized (this) {
            change = apply(to, reason);
        }
        listeners.accept(change);
    }

    /** Moves to FAILED if it is starting, running or stopping: for a quarantine, which comes from another thread. */
    boolean failIfRunning(String reason) {
        PluginStateChange change;
        synchronized (this) {
            if (state != PluginState.STARTED && state != PluginState.RESOLVED && state != PluginState.STOPPED) {
                return false;
            }
            change = apply(PluginState.FAILED, reason);
        }
        listeners.accept(change);
        return true;
    }

    private PluginStateChange apply(PluginState to, String reason) {
        check(to);
        PluginStateChange change = new Change(descriptor.id(), state, to, clock.instant(), reason);
        state = to;
        if (to == PluginState.FAILED || to == PluginState.CREATED && !reason.isEmpty()) {
            problem = reason;
        } else if (to != PluginState.UNLOADED) {
            problem = null;
        }
        return change;
    }

    synchronized void starting(Set<Capability> granted, Bulkhead bulkhead, DefaultPluginContext context) {
        this.granted = granted;
        this.bulkhead = bulkhead;
        this.context = context;
    }

    void started(Plugin instance) {
        this.instance = instance;
    }

    /** Forgets the running plugin (its threads have been shut down). */
    synchronized void stopped() {
        if (bulkhead != null) {
            lastStats = bulkhead.stats();
        }
        instance = null;
        context = null;
        bulkhead = null;
    }

    /** Forgets everything that references the plugin's classes and closes its class loader. */
    void release() {
        stopped();
        provider = null;
        loader = null;
        PluginClassLoader own;
        synchronized (this) {
            own = ownLoader;
            ownLoader = null;
        }
        new Candidate(null, null, own, jar).close();
    }

    private record Change(String pluginId, PluginState from, PluginState to, Instant timestamp, String reason)
            implements PluginStateChange {
        Change {
            Objects.requireNonNull(pluginId, "pluginId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(reason, "reason");
        }
    }

    @Override
    public String toString() {
        return descriptor.id() + "@" + descriptor.version() + " " + state();
    }
}
