package dev.supervisor.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A message on a named topic of the {@link EventBus}, outside the run and task lifecycle. Plugins publish on topics
 * named {@code <plugin-id>/<name>}; payloads are JSON-compatible values so that no plugin's classes travel to
 * another plugin.
 *
 * @param topic the topic, e.g. {@code slack/delivered}
 * @param payload the payload (null, Boolean, Number, String, List or Map)
 * @param timestamp when it was published
 */
public record TopicEvent(String topic, Object payload, Instant timestamp) {
    /**
     * @throws NullPointerException if the topic or timestamp is null
     */
    public TopicEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
