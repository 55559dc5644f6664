package dev.supervisor.core.internal.event;

import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.event.SupervisorEvent;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copy-on-write subscriber list (subscriptions are rare, publications constant), and per event class the subscribers
 * it reaches, worked out on its first publication and forgotten on every (un)subscription: a publication costs a
 * lookup plus its deliveries, however many subscribers listen to other types. Async subscribers each own a bounded
 * queue drained by at most one task at a time, which keeps their delivery in publication order; when a queue is full
 * the newest event is dropped and counted, so a slow subscriber never blocks a run.
 */
public final class DefaultEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEventBus.class);

    private final CopyOnWriteArrayList<Sub<?>> subs = new CopyOnWriteArrayList<>();
    private static final Sub<?>[] NONE = new Sub<?>[0];
    /**
     * Event class to the subscribers it reaches. Replaced (not cleared) after every change of {@link #subs}: a
     * publication that read the old map may still fill it from the old list, but nobody reads that map again.
     */
    private volatile Map<Class<?>, Sub<?>[]> routes = new ConcurrentHashMap<>();
    private final int asyncCapacity;
    private final Executor asyncExecutor;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param asyncCapacity queue capacity of each async subscriber
     * @param asyncExecutor runs async deliveries
     */
    public DefaultEventBus(int asyncCapacity, Executor asyncExecutor) {
        if (asyncCapacity < 1) {
            throw new IllegalArgumentException("asyncCapacity must be positive but was " + asyncCapacity);
        }
        this.asyncCapacity = asyncCapacity;
        this.asyncExecutor = Objects.requireNonNull(asyncExecutor, "asyncExecutor");
    }

    private final class Sub<E extends SupervisorEvent> implements Subscription {
        final Class<E> type;
        final Consumer<? super E> listener;
        final ArrayBlockingQueue<E> queue;
        final AtomicBoolean draining = new AtomicBoolean();

        Sub(Class<E> type, Consumer<? super E> listener, boolean async) {
            this.type = type;
            this.listener = listener;
            this.queue = async ? new ArrayBlockingQueue<>(asyncCapacity) : null;
        }

        @SuppressWarnings("unchecked") // only called with events of its type: the route was built by isInstance
        void offer(SupervisorEvent event) {
            E e = (E) event;
            if (queue == null) {
                deliver(e);
                return;
            }
            if (!queue.offer(e)) {
                dropped.incrementAndGet();
                return;
            }
            scheduleDrain();
        }

        private void scheduleDrain() {
            if (draining.compareAndSet(false, true)) {
                try {
                    asyncExecutor.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // The delivery executor is shut down: what is queued can no longer be delivered.
                    dropped.addAndGet(queue.size());
                    queue.clear();
                    draining.set(false);
                }
            }
        }

        private void drain() {
            while (true) {
                E e;
                while ((e = queue.poll()) != null) {
                    deliver(e);
                }
                draining.set(false);
                // An event offered after the last poll but before the flag was cleared would be stranded.
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
            }
        }

        private void deliver(E e) {
            try {
                listener.accept(e);
            } catch (RuntimeException | Error ex) {
                if (ex instanceof VirtualMachineError vme) {
                    throw vme;
                }
                failures.incrementAndGet();
                LOG.warn("event listener for {} threw on {}", type.getSimpleName(), e.getClass().getSimpleName(), ex);
            }
        }

        @Override
        public void close() {
            if (subs.remove(this)) {
                routes = new ConcurrentHashMap<>();
            }
        }
    }

    @Override
    public <E extends SupervisorEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
        return add(new Sub<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(listener, "listener"),
                false));
    }

    @Override
    public <E extends SupervisorEvent> Subscription subscribeAsync(Class<E> type, Consumer<? super E> listener) {
        return add(new Sub<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(listener, "listener"),
                true));
    }

    private Subscription add(Sub<?> sub) {
        subs.add(sub);
        routes = new ConcurrentHashMap<>();
        return sub;
    }

    @Override
    public void publish(SupervisorEvent event) {
        Objects.requireNonNull(event, "event");
        Map<Class<?>, Sub<?>[]> m = routes;
        Sub<?>[] targets = m.get(event.getClass());
        if (targets == null) {
            targets = subs.stream().filter(s -> s.type.isInstance(event)).toArray(n -> n == 0 ? NONE : new Sub<?>[n]);
            m.putIfAbsent(event.getClass(), targets);
        }
        for (Sub<?> s : targets) {
            s.offer(event);
        }
    }

    /** @return true if anyone listens (lets the engine skip building events nobody reads) */
    public boolean hasSubscribers() {
        return !subs.isEmpty();
    }

    @Override
    public long listenerFailures() {
        return failures.get();
    }

    @Override
    public long droppedEvents() {
        return dropped.get();
    }
}
