package dev.supervisor.api.plugin;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TopicEvent;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the host gives one plugin: the only way for it to act in the host. Each method checks the capability it
 * needs against what the host granted; a request beyond the grant throws {@link CapabilityDeniedException} and is
 * written to the host's audit trail.
 *
 * <p><b>This contains accidents, not hostile code.</b> The checks stop a cooperating plugin from doing what it was
 * not configured for (posting to the wrong host, reading another plugin's secret, flooding the engine). Code in
 * the same JVM can always reach past them (reflection, {@code java.net}, {@code System.exit}); run plugins you do
 * not trust in another process.
 *
 * <p>Listeners and scheduled actions run on the plugin's own threads, never on the caller's. Everything
 * registered here is withdrawn when the plugin stops.
 */
public interface PluginContext {
    /** @return the plugin's descriptor */
    PluginDescriptor descriptor();

    /** @return the capabilities the host granted (a subset of those the descriptor asks for) */
    Set<Capability> granted();

    /** @return the plugin's settings from the host's configuration (not secrets), possibly empty */
    Map<String, String> settings();

    /** @return the host's clock */
    Clock clock();

    /**
     * An HTTP client that only reaches hosts granted by {@code http:} capabilities; a request to any other host
     * fails with {@link CapabilityDeniedException}. Redirects are not followed (they could lead elsewhere).
     *
     * @return the client
     */
    HttpClient http();

    /**
     * @param name the secret's name
     * @return its value; never log it
     * @throws CapabilityDeniedException without {@code secret:<name>}
     * @throws java.util.NoSuchElementException if granted but the host has no such secret
     */
    String secret(String name);

    /**
     * Receives run and task lifecycle events of a type (and its subtypes), in publication order.
     *
     * @param type e.g. {@code TaskFailed.class}
     * @param listener called on the plugin's threads
     * @param <E> the event type
     * @return the subscription, closed by the host when the plugin stops
     * @throws CapabilityDeniedException without {@code events}
     */
    <E extends SupervisorEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener);

    /**
     * Publishes on one of this plugin's topics, named {@code <plugin-id>/<topic>} on the host's bus.
     *
     * @param topic the local name: 1-100 characters of {@code [a-z0-9._-]}
     * @param payload a JSON-compatible value (null, Boolean, Number, String, List, Map), copied
     * @throws IllegalArgumentException if the name or payload is not valid
     */
    void publish(String topic, Object payload);

    /**
     * Receives a topic: a local name is this plugin's own topic, {@code other-plugin/name} another plugin's.
     *
     * @param topic a local name or {@code <plugin-id>/<name>}
     * @param listener called on the plugin's threads
     * @return the subscription, closed by the host when the plugin stops
     * @throws CapabilityDeniedException for another plugin's topic without {@code topics:<plugin-id>}
     */
    Subscription subscribeTopic(String topic, Consumer<? super TopicEvent> listener);

    /**
     * Submits a workflow to the host's supervisor.
     *
     * @param workflow the workflow
     * @param inputs its inputs (JSON-compatible)
     * @return a handle on the run
     * @throws CapabilityDeniedException without {@code workflows}
     * @throws IllegalStateException if the host has no supervisor
     */
    RunHandle submit(WorkflowSpec workflow, Map<String, ?> inputs);

    /**
     * Runs an action once after a delay, on the plugin's threads, unless the plugin has stopped by then.
     *
     * @param action the action
     * @param delay zero or positive
     * @return a handle that withdraws it
     * @throws CapabilityDeniedException without {@code schedule}
     */
    ScheduledTask schedule(Runnable action, Duration delay);

    /**
     * Offers an extension to the host, e.g. a {@link NotificationChannel}.
     *
     * @param point the extension point
     * @param extension the implementation
     * @param <T> its type
     * @throws CapabilityDeniedException if the extension point needs a capability that was not granted
     *         ({@code events} for notification channels and analytics consumers)
     * @throws IllegalArgumentException if the extension is not valid for its point (a task handler without types,
     *         a name already taken)
     */
    <T> void register(ExtensionPoint<T> point, T extension);
}
