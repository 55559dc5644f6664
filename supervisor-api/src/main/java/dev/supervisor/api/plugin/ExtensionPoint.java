package dev.supervisor.api.plugin;

import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.spi.TaskHandler;
import java.util.List;
import java.util.Objects;

/**
 * A typed place where plugins plug in, one interface each. A plugin registers implementations from
 * {@link Plugin#start} through {@link PluginContext#register}; the host calls them on the plugin's threads.
 *
 * @param <T> the interface of the extension point
 */
public final class ExtensionPoint<T> {
    /** Executes tasks of the types returned by {@link TaskHandler#types()} (which must not be empty). */
    public static final ExtensionPoint<TaskHandler> TASK_HANDLER = new ExtensionPoint<>("task-handler",
            TaskHandler.class);
    /** Receives run and task events to notify people; needs {@code events}. */
    public static final ExtensionPoint<NotificationChannel> NOTIFICATION = new ExtensionPoint<>("notification",
            NotificationChannel.class);
    /** Answers queries for data by name. */
    public static final ExtensionPoint<DataSource> DATA_SOURCE = new ExtensionPoint<>("data-source",
            DataSource.class);
    /** Receives run and task events to measure them; needs {@code events}. */
    public static final ExtensionPoint<AnalyticsConsumer> ANALYTICS = new ExtensionPoint<>("analytics",
            AnalyticsConsumer.class);
    /** Receives inbound webhooks by name (outbound calls go through {@link PluginContext#http()}). */
    public static final ExtensionPoint<Integration> INTEGRATION = new ExtensionPoint<>("integration",
            Integration.class);
    /**
     * An AI coding back-end for the host's provider routers, under its {@link Provider#id()} (unique across the
     * host's plugins). The host calls it on the router's thread, not the plugin's.
     */
    public static final ExtensionPoint<Provider> PROVIDER = new ExtensionPoint<>("provider", Provider.class);

    private static final List<ExtensionPoint<?>> VALUES = List.of(TASK_HANDLER, NOTIFICATION, DATA_SOURCE, ANALYTICS,
            INTEGRATION, PROVIDER);

    private final String name;
    private final Class<T> type;

    private ExtensionPoint(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /** @return every extension point */
    public static List<ExtensionPoint<?>> values() {
        return VALUES;
    }

    /** @return the point's name, e.g. {@code notification} */
    public String name() {
        return name;
    }

    /** @return the interface extensions implement */
    public Class<T> type() {
        return type;
    }

    /**
     * @param extension an object
     * @return it, as this point's type
     * @throws ClassCastException if it does not implement the interface
     */
    public T cast(Object extension) {
        return type.cast(Objects.requireNonNull(extension, "extension"));
    }

    @Override
    public String toString() {
        return name;
    }
}
