package dev.supervisor.api.event;

/**
 * A registered listener; close it to stop receiving events.
 */
public interface Subscription extends AutoCloseable {
    /** Stops delivery to this listener. Idempotent. */
    @Override
    void close();

    /**
     * @return how many times this listener has thrown so far
     */
    default long failures() {
        return 0;
    }

    /**
     * @return false once closed or, for a weak subscription, once its listener was garbage collected
     */
    default boolean isActive() {
        return true;
    }
}
