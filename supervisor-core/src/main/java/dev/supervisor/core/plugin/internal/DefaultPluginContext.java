package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.JsonValues;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TopicEvent;
import dev.supervisor.api.plugin.AnalyticsConsumer;
import dev.supervisor.api.plugin.Capability;
import dev.supervisor.api.plugin.DataSource;
import dev.supervisor.api.plugin.ExtensionPoint;
import dev.supervisor.api.plugin.Integration;
import dev.supervisor.api.plugin.NotificationChannel;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.PluginDescriptor;
import dev.supervisor.api.plugin.ScheduledTask;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.plugin.PluginHandle;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One started plugin's view of the host: every method checks its capability first, and everything registered is
 * tracked so that {@link #close()} withdraws it when the plugin stops.
 */
final class DefaultPluginContext implements PluginContext {
    private final LoadedPlugin plugin;
    private final PluginDescriptor descriptor;
    private final Set<Capability> granted;
    private final HostServices host;
    private final Bulkhead bulkhead;
    private final GuardedHttpClient http;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<PluginHandle.Extension> registered = new CopyOnWriteArrayList<>();
    private final Set<DelayScheduler.Cancellable> scheduled = ConcurrentHashMap.newKeySet();
    /** Set before the plugin's stop(): nothing new is handed to it, though stop() may still use the context. */
    private volatile boolean stopping;
    private volatile boolean closed;

    DefaultPluginContext(LoadedPlugin plugin, Set<Capability> granted, HostServices host, Bulkhead bulkhead) {
        this.plugin = plugin;
        this.descriptor = plugin.descriptor();
        this.granted = granted;
        this.host = host;
        this.bulkhead = bulkhead;
        this.http = new GuardedHttpClient(host.http(), c -> {
            open(); // a client kept past stop() sends nothing
            return Audit.holds(granted, c);
        }, this::denied);
    }

    private RuntimeException denied(Capability needed, String detail) {
        return host.audit().denied(descriptor.id(), needed, detail);
    }

    private void require(Capability needed, String detail) {
        open();
        if (!Audit.holds(granted, needed)) {
            throw denied(needed, detail);
        }
    }

    private void open() {
        if (closed) {
            throw new IllegalStateException("plugin '" + descriptor.id() + "' has stopped; its context is closed");
        }
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Set<Capability> granted() {
        return granted;
    }

    @Override
    public Map<String, String> settings() {
        return host.config().settings(descriptor.id());
    }

    @Override
    public Clock clock() {
        return host.clock();
    }

    @Override
    public HttpClient http() {
        open();
        return http;
    }

    @Override
    public String secret(String name) {
        require(Capability.secret(Objects.requireNonNull(name, "name")), "read secret '" + name + "'");
        return host.secrets().find(name).orElseThrow(() -> new NoSuchElementException("the host has no secret"
                + " named '" + name + "'"));
    }

    @Override
    public <E extends SupervisorEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
        require(Capability.events(), "subscribe to " + type.getSimpleName());
        Objects.requireNonNull(listener, "listener");
        return track(host.bus().subscribe(type, e -> deliver("event " + e.getClass().getSimpleName(),
                () -> listener.accept(e))));
    }

    @Override
    public void publish(String topic, Object payload) {
        open();
        String full = descriptor.id() + "/" + localTopic(topic);
        host.bus().publish(new TopicEvent(full, JsonValues.copy("payload of topic " + full, payload),
                host.clock().instant()));
    }

    @Override
    public Subscription subscribeTopic(String topic, Consumer<? super TopicEvent> listener) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(listener, "listener");
        int slash = topic.indexOf('/');
        String full;
        if (slash < 0) {
            open();
            full = descriptor.id() + "/" + localTopic(topic);
        } else {
            String owner = topic.substring(0, slash);
            full = owner + "/" + localTopic(topic.substring(slash + 1));
            if (!owner.equals(descriptor.id())) {
                require(Capability.topics(owner), "subscribe to topic " + full);
            }
        }
        return track(host.bus().subscribeTopic(full, e -> deliver("topic " + e.topic(), () -> listener.accept(e))));
    }

    private static String localTopic(String name) {
        boolean ok = name != null && !name.isEmpty() && name.length() <= 100;
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
        }
        if (!ok) {
            throw new IllegalArgumentException("topic name '" + name + "' is not valid: use 1-100 characters of"
                    + " [a-z0-9._-]");
        }
        return name;
    }

    @Override
    public RunHandle submit(WorkflowSpec workflow, Map<String, ?> inputs) {
        require(Capability.workflows(), "submit workflow '" + workflow.id() + "'");
        Supervisor supervisor = host.supervisor() == null ? null : host.supervisor().get();
        if (supervisor == null) {
            throw new IllegalStateException("the plugin host has no supervisor to submit workflows to");
        }
        // On a host thread: if the engine starts a worker thread for this run, it must not inherit this plugin's
        // class loader (context loader, access control context) for the rest of its life.
        try {
            return host.hop().submit(() -> supervisor.submit(workflow, inputs)).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while submitting workflow '" + workflow.id() + "'", e);
        }
    }

    @Override
    public ScheduledTask schedule(Runnable action, Duration delay) {
        require(Capability.schedule(), "schedule code");
        Objects.requireNonNull(action, "action");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative but was " + delay);
        }
        DelayScheduler.Cancellable[] handle = new DelayScheduler.Cancellable[1];
        handle[0] = host.timer().schedule(() -> {
            scheduled.remove(handle[0]);
            if (!closed) {
                deliver("scheduled task", action::run);
            }
        }, delay);
        scheduled.add(handle[0]);
        return () -> {
            handle[0].cancel();
            scheduled.remove(handle[0]);
        };
    }

    @Override
    public <T> void register(ExtensionPoint<T> point, T extension) {
        open();
        Objects.requireNonNull(point, "point");
        Object ext = point.cast(extension);
        String id = descriptor.id();
        // By the point it is registered at: one object may implement several extension interfaces.
        if (point == ExtensionPoint.NOTIFICATION) {
            NotificationChannel ch = (NotificationChannel) ext;
            require(Capability.events(), "register a notification channel");
            track(host.bus().subscribe(SupervisorEvent.class, e -> deliver("notification of "
                    + e.getClass().getSimpleName(), () -> {
                        if (ch.accepts(e)) {
                            ch.send(e);
                        }
                    })));
            registered.add(new Registered(point.name(), null));
        } else if (point == ExtensionPoint.ANALYTICS) {
            AnalyticsConsumer a = (AnalyticsConsumer) ext;
            require(Capability.events(), "register an analytics consumer");
            track(host.bus().subscribe(SupervisorEvent.class, e -> deliver("analytics of "
                    + e.getClass().getSimpleName(), () -> a.accept(e))));
            registered.add(new Registered(point.name(), null));
        } else if (point == ExtensionPoint.TASK_HANDLER) {
            TaskHandler h = (TaskHandler) ext;
            registerTaskHandler(h);
            h.types().forEach(t -> registered.add(new Registered(point.name(), t.name())));
        } else if (point == ExtensionPoint.DATA_SOURCE) {
            DataSource d = (DataSource) ext;
            host.extensions().addDataSource(Objects.requireNonNull(d.name(), "name"),
                    new Extensions.Owned<>(id, d, plugin));
            registered.add(new Registered(point.name(), d.name()));
        } else if (point == ExtensionPoint.INTEGRATION) {
            Integration i = (Integration) ext;
            host.extensions().addIntegration(Objects.requireNonNull(i.name(), "name"),
                    new Extensions.Owned<>(id, i, plugin));
            registered.add(new Registered(point.name(), i.name()));
        } else if (point == ExtensionPoint.PROVIDER) {
            Provider pr = (Provider) ext;
            registerProvider(pr);
            registered.add(new Registered(point.name(), pr.id()));
        } else {
            throw new IllegalArgumentException("extension point '" + point + "' is not supported by this host");
        }
    }

    private void registerTaskHandler(TaskHandler h) {
        String id = descriptor.id();
        if (h.types().isEmpty()) {
            throw new IllegalArgumentException("a task handler registered by plugin '" + id + "' must name its"
                    + " task types (TaskHandler.types())");
        }
        List<TaskType> added = new ArrayList<>();
        try {
            for (TaskType t : h.types()) {
                host.extensions().addTaskHandler(t, new Extensions.Owned<>(id, h, plugin));
                added.add(t);
            }
        } catch (IllegalArgumentException e) {
            host.extensions().removeTaskHandlers(id, added); // all types or none
            throw e;
        }
    }

    private void registerProvider(Provider p) {
        String providerId = p.id();
        if (providerId == null || providerId.isBlank()) {
            throw new IllegalArgumentException("a provider registered by plugin '" + descriptor.id() + "' must"
                    + " have an id (Provider.id())");
        }
        Extensions.Owned<Provider> owned = new Extensions.Owned<>(descriptor.id(), p, plugin);
        PluginProvider.of(host.extensions(), owned); // refuses a provider that declares no cost model, limits...
        host.extensions().addProvider(providerId, owned);
    }

    /** Plugin code that the host runs on the plugin's threads. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private void deliver(String what, Body body) {
        if (stopping) {
            return;
        }
        bulkhead.offer(what, () -> {
            body.run();
            return null;
        });
    }

    private Subscription track(Subscription s) {
        subscriptions.add(s);
        if (closed) { // stopped while subscribing
            s.close();
        }
        return new Subscription() {
            @Override
            public void close() {
                s.close();
                subscriptions.remove(s);
            }

            @Override
            public long failures() {
                return s.failures();
            }

            @Override
            public boolean isActive() {
                return s.isActive();
            }
        };
    }

    /** Withdraws everything this plugin registered, so that nothing new reaches it; the context stays usable. */
    void withdraw() {
        stopping = true;
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        scheduled.forEach(DelayScheduler.Cancellable::cancel);
        scheduled.clear();
        host.extensions().removeAll(descriptor.id());
        registered.clear();
    }

    /** @return what the plugin registered and has not been withdrawn */
    List<PluginHandle.Extension> registered() {
        return List.copyOf(registered);
    }

    /** Withdraws everything, including what was registered during stop(); later calls fail. */
    void close() {
        closed = true;
        withdraw();
    }
}
