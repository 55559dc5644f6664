package dev.supervisor.core.internal.event;

import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.event.SupervisorEvent;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copy-on-write subscriber list (subscriptions are rare, publications constant). Async subscribers each own a
 * bounded queue drained by at most one task at a time, which keeps their delivery in publication order; when a
 * queue is full the newest event is dropped and counted, so a slow subscriber never blocks a run.
 */
public final class DefaultEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEventBus.class);

    private final CopyOnWriteArrayList<Sub<?>> subs = new CopyOnWriteArrayList<>();
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

        void offer(SupervisorEvent event) {
            E e = type.cast(event);
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
            subs.remove(this);
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
        return sub;
    }

    @Override
    public void publish(SupervisorEvent event) {
        Objects.requireNonNull(event, "event");
        for (Sub<?> s : subs) {
            if (s.type.isInstance(event)) {
                s.offer(event);
            }
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
