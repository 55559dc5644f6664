package dev.supervisor.api.spi;

import dev.supervisor.api.event.SupervisorEvent;
import java.util.Objects;

/**
 * One event as a {@link RunEventLog} keeps it.
 *
 * @param sequence its number in its run's history, from 1 (0 where it was read across runs, by
 *        {@link RunEventLog#tail})
 * @param node the node that made the transition
 * @param event the event
 */
public record StoredEvent(long sequence, String node, SupervisorEvent event) {
    /**
     * @throws IllegalArgumentException if the sequence is negative
     */
    public StoredEvent {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative but was " + sequence);
        }
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(event, "event");
    }
}
