package dev.supervisor.api.event;

import java.util.List;
import java.util.function.Consumer;

/**
 * Delivers {@link SupervisorEvent}s to typed subscribers. Events of one run reach each listener in the order they
 * were published. A listener that throws is isolated: the failure is counted (in total and on its
 * {@link Subscription}) and logged, and neither the run nor the other listeners notice.
 *
 * <p>Beyond the lifecycle events the bus carries {@link TopicEvent}s on named topics, keeps a bounded history of
 * each topic, and reports events that reached nobody as {@link DeadEvent}s. The methods for these have defaults
 * that throw {@link UnsupportedOperationException} (or report nothing), so other implementations stay valid; the
 * built-in bus supports all of them.
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

    /**
     * Subscribes through a weak reference: once nothing else references {@code listener}, the garbage collector
     * may reclaim it and delivery stops by itself. <b>Keep a reference to the listener</b> for as long as it should
     * receive: a lambda or method reference created for the call is referenced by nothing else, so it is
     * collected almost at once (the built-in bus logs a warning when given one).
     *
     * @param type the event type
     * @param listener the listener, held weakly
     * @param <E> the event type
     * @return the subscription
     * @throws UnsupportedOperationException if this bus does not support it
     */
    default <E extends SupervisorEvent> Subscription subscribeWeak(Class<E> type, Consumer<? super E> listener) {
        throw new UnsupportedOperationException("weak subscriptions are not supported by " + getClass().getName());
    }

    /**
     * Subscribes to a topic, delivered on the publishing thread.
     *
     * @param topic the topic name, e.g. {@code slack/delivered}
     * @param listener the listener
     * @return the subscription
     * @throws IllegalArgumentException if the topic name is not valid
     * @throws UnsupportedOperationException if this bus does not support topics
     */
    default Subscription subscribeTopic(String topic, Consumer<? super TopicEvent> listener) {
        throw new UnsupportedOperationException("topics are not supported by " + getClass().getName());
    }

    /**
     * Publishes on a topic: the event goes into the topic's history, then to its subscribers.
     *
     * @param event the event
     * @throws IllegalArgumentException if the topic name is not valid
     * @throws UnsupportedOperationException if this bus does not support topics
     */
    default void publish(TopicEvent event) {
        throw new UnsupportedOperationException("topics are not supported by " + getClass().getName());
    }

    /**
     * @param topic a topic name
     * @return the latest events of that topic, oldest first, at most the bus's history capacity
     */
    default List<TopicEvent> history(String topic) {
        return List.of();
    }

    /**
     * Receives every event that reached no subscriber, on the publishing thread.
     *
     * @param listener the listener
     * @return the subscription
     * @throws UnsupportedOperationException if this bus does not report dead events
     */
    default Subscription onDeadEvent(Consumer<? super DeadEvent> listener) {
        throw new UnsupportedOperationException("dead events are not supported by " + getClass().getName());
    }

    /**
     * @return how many events reached no subscriber so far
     */
    default long deadEvents() {
        return 0;
    }
}
