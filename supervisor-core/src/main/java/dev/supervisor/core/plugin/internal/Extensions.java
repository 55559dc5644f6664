package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.plugin.DataSource;
import dev.supervisor.api.plugin.Integration;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.spi.TaskHandler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named extensions of started plugins: task handlers by type, data sources and integrations by name, providers
 * by id. Event consumers (notification channels, analytics) need no registry: they are bus subscriptions of their
 * plugin.
 */
final class Extensions {
    /** An extension and the plugin it belongs to. */
    record Owned<T>(String pluginId, T extension, LoadedPlugin owner) {
    }

    private final Map<TaskType, Owned<TaskHandler>> handlers = new ConcurrentHashMap<>();
    private final Map<String, Owned<DataSource>> dataSources = new ConcurrentHashMap<>();
    private final Map<String, Owned<Integration>> integrations = new ConcurrentHashMap<>();
    /** In registration order, which is the order the host lists them in. */
    private final Map<String, Owned<Provider>> providers = Collections.synchronizedMap(new LinkedHashMap<>());

    void addTaskHandler(TaskType type, Owned<TaskHandler> h) {
        add(handlers, type, h, "task type " + type);
    }

    void addDataSource(String name, Owned<DataSource> d) {
        add(dataSources, name, d, "data source '" + name + "'");
    }

    void addIntegration(String name, Owned<Integration> i) {
        add(integrations, name, i, "integration '" + name + "'");
    }

    void addProvider(String id, Owned<Provider> p) {
        add(providers, id, p, "provider '" + id + "'");
    }

    private static <K, T> void add(Map<K, Owned<T>> map, K key, Owned<T> value, String what) {
        Owned<T> taken = map.putIfAbsent(key, value);
        if (taken != null) {
            throw new IllegalArgumentException(what + " is already registered by plugin '" + taken.pluginId() + "'");
        }
    }

    void removeTaskHandlers(String pluginId, List<TaskType> types) {
        types.forEach(t -> handlers.computeIfPresent(t, (k, o) -> o.pluginId().equals(pluginId) ? null : o));
    }

    Optional<Owned<TaskHandler>> taskHandler(TaskType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    Optional<Owned<DataSource>> dataSource(String name) {
        return Optional.ofNullable(dataSources.get(name));
    }

    Optional<Owned<Integration>> integration(String name) {
        return Optional.ofNullable(integrations.get(name));
    }

    Optional<Owned<Provider>> provider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    List<Owned<Provider>> providers() {
        synchronized (providers) {
            return List.copyOf(providers.values());
        }
    }

    /** Withdraws everything a plugin registered. */
    void removeAll(String pluginId) {
        handlers.values().removeIf(o -> o.pluginId().equals(pluginId));
        dataSources.values().removeIf(o -> o.pluginId().equals(pluginId));
        integrations.values().removeIf(o -> o.pluginId().equals(pluginId));
        synchronized (providers) {
            providers.values().removeIf(o -> o.pluginId().equals(pluginId));
        }
    }
}
