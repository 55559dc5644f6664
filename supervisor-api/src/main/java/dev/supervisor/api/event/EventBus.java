package dev.supervisor.api.event;

import java.util.function.Consumer;

/**
 * Delivers {@link SupervisorEvent}s to typed subscribers. Events of one run reach each listener in the order they
 * were published. A listener that throws is isolated: the failure is counted and logged, and neither the run nor
 * the other listeners notice.
 */
public interface EventBus {
    /**
     * Subscribes to one event type (and its subtypes), delivered on the publishing thread.
     *
     * @param type the event type, e.g. {@code TaskFailed.class} or {@code TaskEvent.class}
     * @param listener the listener
     * @param <E> the event type
     * @return the subscription
     */
    <E extends SupervisorEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener);

    /**
     * Subscribes with asynchronous delivery through a bounded queue; see the implementation for the overflow policy.
     *
     * @param type the event type
     * @param listener the listener
     * @param <E> the event type
     * @return the subscription
     */
    <E extends SupervisorEvent> Subscription subscribeAsync(Class<E> type, Consumer<? super E> listener);

    /**
     * Publishes an event to every matching subscriber.
     *
     * @param event the event
     */
    void publish(SupervisorEvent event);

    /**
     * @return how many listener invocations have thrown so far
     */
    long listenerFailures();

    /**
     * @return how many async deliveries were dropped because a subscriber's queue was full
     */
    long droppedEvents();
}
