package dev.supervisor.api.event;

import java.util.Objects;

/**
 * An event that reached no subscriber: a {@link SupervisorEvent} nobody subscribed to, or a {@link TopicEvent} on
 * a topic without subscribers. Useful to find a misspelled topic or a listener that was never registered.
 *
 * @param event the event (a {@code SupervisorEvent} or a {@code TopicEvent})
 */
public record DeadEvent(Object event) {
    /**
     * @throws NullPointerException if the event is null
     */
    public DeadEvent {
        Objects.requireNonNull(event, "event");
    }
}
