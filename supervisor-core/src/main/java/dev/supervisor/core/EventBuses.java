package dev.supervisor.core;

import dev.supervisor.api.event.EventBus;
import dev.supervisor.core.internal.event.DefaultEventBus;
import java.util.concurrent.Executor;

/**
 * Factories of the built-in {@link EventBus}.
 */
public final class EventBuses {
    private EventBuses() {
    }

    /**
     * Creates a bus. Sync subscribers run on the publishing thread, in publication order. Each async subscriber
     * has a queue of {@code asyncCapacity} events, delivered in order on {@code asyncExecutor}; when the queue is
     * full the newest event is dropped and counted in {@link EventBus#droppedEvents()} (the run never waits).
     *
     * @param asyncCapacity per-subscriber queue capacity, positive
     * @param asyncExecutor runs async deliveries
     * @return the bus
     */
    public static EventBus create(int asyncCapacity, Executor asyncExecutor) {
        return new DefaultEventBus(asyncCapacity, asyncExecutor);
    }

    /**
     * Creates a bus like {@link #create(int, Executor)} whose topics each keep their latest {@code topicHistory}
     * events for {@link EventBus#history(String)} (the two-argument factory keeps 64).
     *
     * @param asyncCapacity per-subscriber queue capacity, positive
     * @param asyncExecutor runs async deliveries
     * @param topicHistory events kept per topic, zero or more
     * @return the bus
     */
    public static EventBus create(int asyncCapacity, Executor asyncExecutor, int topicHistory) {
        return new DefaultEventBus(asyncCapacity, asyncExecutor, topicHistory);
    }
}
