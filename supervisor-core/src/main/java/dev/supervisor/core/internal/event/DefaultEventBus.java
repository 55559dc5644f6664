package dev.supervisor.core.internal.event;

import dev.supervisor.api.event.DeadEvent;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TopicEvent;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copy-on-write subscriber list (subscriptions are rare, publications constant), and per event class the subscribers
 * it reaches, worked out on its first publication and forgotten on every (un)subscription: a publication costs a
 * lookup plus its deliveries, however many subscribers listen to other types. Async subscribers each own a bounded
 * queue drained by at most one task at a time, which keeps their delivery in publication order; when a queue is full
 * the newest event is dropped and counted, so a slow subscriber never blocks a run. Topics live in {@link Topics}.
 */
public final class DefaultEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultEventBus.class);
    /** Topic history kept by the two-argument constructor. */
    public static final int DEFAULT_TOPIC_HISTORY = 64;

    private final CopyOnWriteArrayList<Sub<?>> subs = new CopyOnWriteArrayList<>();
    private static final Sub<?>[] NONE = new Sub<?>[0];
    /**
     * Event class to the subscribers it reaches. Replaced (not cleared) after every change of {@link #subs}: a
     * publication that read the old map may still fill it from the old list, but nobody reads that map again.
     */
    private volatile Map<Class<?>, Sub<?>[]> routes = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Sub<DeadEvent>> deadSubs = new CopyOnWriteArrayList<>();
    private final Topics topics;
    private final int asyncCapacity;
    private final Executor asyncExecutor;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final LongAdder dead = new LongAdder();

    /**
     * @param asyncCapacity queue capacity of each async subscriber
     * @param asyncExecutor runs async deliveries
     */
    public DefaultEventBus(int asyncCapacity, Executor asyncExecutor) {
        this(asyncCapacity, asyncExecutor, DEFAULT_TOPIC_HISTORY);
    }

    /**
     * @param asyncCapacity queue capacity of each async subscriber
     * @param asyncExecutor runs async deliveries
     * @param topicHistory how many events each topic keeps for {@link #history}, zero or more
     */
    public DefaultEventBus(int asyncCapacity, Executor asyncExecutor, int topicHistory) {
        if (asyncCapacity < 1) {
            throw new IllegalArgumentException("asyncCapacity must be positive but was " + asyncCapacity);
        }
        if (topicHistory < 0) {
            throw new IllegalArgumentException("topicHistory must not be negative but was " + topicHistory);
        }
        this.asyncCapacity = asyncCapacity;
        this.asyncExecutor = Objects.requireNonNull(asyncExecutor, "asyncExecutor");
        this.topics = new Topics(topicHistory);
    }

    /** One listener. Exactly one of {@link #listener} and {@link #weak} is set. */
    final class Sub<E> implements Subscription {
        final Class<E> type;
        private final Consumer<? super E> listener;
        private final WeakReference<Consumer<? super E>> weak;
        private final ArrayBlockingQueue<E> queue;
        private final AtomicBoolean draining = new AtomicBoolean();
        private final AtomicLong failureCount = new AtomicLong();
        /** Where the subscription is kept, so that closing removes it from there. */
        private final List<? super Sub<E>> home;
        private volatile boolean closed;

        Sub(Class<E> type, Consumer<? super E> listener, boolean async, boolean weakly, List<? super Sub<E>> home) {
            this.type = type;
            this.listener = weakly ? null : listener;
            this.weak = weakly ? new WeakReference<>(listener) : null;
            this.queue = async ? new ArrayBlockingQueue<>(asyncCapacity) : null;
            this.home = home;
        }

        @SuppressWarnings("unchecked") // only called with events of its type: the route was built by isInstance
        void offer(Object event) {
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
            Consumer<? super E> l = listener;
            if (l == null && (l = weak.get()) == null) {
                close(); // collected: nobody can receive any more
                return;
            }
            try {
                l.accept(e);
            } catch (RuntimeException | Error ex) {
                if (ex instanceof VirtualMachineError vme) {
                    throw vme;
                }
                failures.incrementAndGet();
                failureCount.incrementAndGet();
                LOG.warn("event listener for {} threw on {}", type.getSimpleName(), e.getClass().getSimpleName(), ex);
            }
        }

        @Override
        public long failures() {
            return failureCount.get();
        }

        @Override
        public boolean isActive() {
            return !closed && (weak == null || weak.get() != null);
        }

        @Override
        public void close() {
            closed = true;
            if (home.remove(this) && home == subs) {
                routes = new ConcurrentHashMap<>();
            }
        }
    }

    @Override
    public <E extends SupervisorEvent> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
        return add(type, listener, false, false);
    }

    @Override
    public <E extends SupervisorEvent> Subscription subscribeAsync(Class<E> type, Consumer<? super E> listener) {
        return add(type, listener, true, false);
    }

    @Override
    public <E extends SupervisorEvent> Subscription subscribeWeak(Class<E> type, Consumer<? super E> listener) {
        Class<?> c = Objects.requireNonNull(listener, "listener").getClass();
        if (c.isSynthetic() || c.isHidden()) {
            LOG.warn("weak subscription to {} with a lambda or method reference ({}): nothing else references it,"
                    + " so it is garbage collected almost at once and stops receiving; keep a reference to a listener"
                    + " object, or use subscribe()", type.getSimpleName(), c.getName());
        }
        return add(type, listener, false, true);
    }

    private <E> Subscription add(Class<E> type, Consumer<? super E> listener, boolean async, boolean weakly) {
        Sub<E> sub = new Sub<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(listener, "listener"),
                async, weakly, subs);
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
        if (targets.length == 0) {
            dead(event);
            return;
        }
        for (Sub<?> s : targets) {
            s.offer(event);
        }
    }

    /** Counts an event that reached nobody and hands it to the dead-event listeners. */
    void dead(Object event) {
        dead.increment();
        if (!deadSubs.isEmpty()) {
            DeadEvent d = new DeadEvent(event);
            for (Sub<DeadEvent> s : deadSubs) {
                s.offer(d);
            }
        }
    }

    @Override
    public Subscription subscribeTopic(String topic, Consumer<? super TopicEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        CopyOnWriteArrayList<Sub<TopicEvent>> home = topics.subscribers(topic);
        Sub<TopicEvent> sub = new Sub<>(TopicEvent.class, listener, false, false, home);
        home.add(sub);
        return sub;
    }

    @Override
    public void publish(TopicEvent event) {
        List<Sub<TopicEvent>> targets = topics.record(Objects.requireNonNull(event, "event"));
        if (targets.isEmpty()) {
            dead(event);
            return;
        }
        for (Sub<TopicEvent> s : targets) {
            s.offer(event);
        }
    }

    @Override
    public List<TopicEvent> history(String topic) {
        return topics.history(topic);
    }

    @Override
    public Subscription onDeadEvent(Consumer<? super DeadEvent> listener) {
        Sub<DeadEvent> sub = new Sub<>(DeadEvent.class, Objects.requireNonNull(listener, "listener"), false, false,
                deadSubs);
        deadSubs.add(sub);
        return sub;
    }

    @Override
    public long deadEvents() {
        return dead.sum();
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
