package dev.supervisor.api.event;

/**
 * A registered listener; close it to stop receiving events.
 */
public interface Subscription extends AutoCloseable {
    /** Stops delivery to this listener. Idempotent. */
    @Override
    void close();
}
