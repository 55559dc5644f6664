package dev.supervisor.analytics.series;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A push stream for live data with a bounded buffer per subscriber. {@link #offer} never blocks: a subscriber whose
 * buffer is full loses items by its {@link Overflow} policy (or is disconnected with an error), so one slow
 * subscriber never delays the publisher or the other subscribers. Each subscriber is drained on the executor by at
 * most one task at a time, honouring {@link Flow.Subscription#request} demand. Thread-safe.
 *
 * @param <T> item type
 */
public final class LivePublisher<T> implements Flow.Publisher<T>, AutoCloseable {
    /** What happens when a subscriber's buffer is full. */
    public enum Overflow {
        /** Drop the oldest buffered item to make room (the subscriber sees the latest data). */
        DROP_OLDEST,
        /** Drop the new item. */
        DROP_NEWEST,
        /** Cancel the subscription and signal {@link BufferOverflowException}. */
        DISCONNECT
    }

    /** Signalled to a subscriber disconnected by {@link Overflow#DISCONNECT}. */
    public static final class BufferOverflowException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BufferOverflowException(int size) {
            super("subscriber fell more than " + size + " items behind and was disconnected");
        }
    }

    private final int bufferSize;
    private final Overflow overflow;
    private final Executor executor;
    private final List<Sub> subs = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    private LivePublisher(Builder b) {
        this.bufferSize = b.bufferSize;
        this.overflow = b.overflow;
        this.executor = b.executor != null ? b.executor : Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "supervisor-live");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return a builder: buffer 1,024, DROP_OLDEST, a daemon thread per busy subscriber */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Sub s = new Sub(subscriber);
        subs.add(s);
        subscriber.onSubscribe(s);
        if (closed) {
            s.complete();
        }
    }

    /**
     * @param item the item for every current subscriber
     */
    public void offer(T item) {
        Objects.requireNonNull(item, "item");
        if (closed) {
            return;
        }
        for (Sub s : subs) {
            s.enqueue(item);
        }
    }

    /** @return items dropped so far across subscribers */
    public long dropped() {
        return dropped.get();
    }

    /** @return current subscribers */
    public int subscribers() {
        return subs.size();
    }

    /** Completes every subscriber after its buffer drains. */
    @Override
    public void close() {
        closed = true;
        for (Sub s : subs) {
            s.complete();
        }
    }

    private final class Sub implements Flow.Subscription {
        private final Flow.Subscriber<? super T> subscriber;
        private final ArrayDeque<T> buffer = new ArrayDeque<>();
        private long demand;
        private boolean draining;
        private boolean cancelled;
        private boolean completing;
        private Throwable error;

        Sub(Flow.Subscriber<? super T> subscriber) {
            this.subscriber = subscriber;
        }

        void enqueue(T item) {
            synchronized (this) {
                if (cancelled || completing) {
                    return;
                }
                if (buffer.size() >= bufferSize) {
                    switch (overflow) {
                        case DROP_OLDEST -> {
                            buffer.pollFirst();
                            buffer.addLast(item);
                        }
                        case DROP_NEWEST -> { }
                        default -> {
                            cancelled = true;
                            error = new BufferOverflowException(bufferSize);
                            buffer.clear();
                        }
                    }
                    dropped.incrementAndGet();
                } else {
                    buffer.addLast(item);
                }
            }
            schedule();
        }

        void complete() {
            synchronized (this) {
                completing = true;
            }
            schedule();
        }

        @Override
        public void request(long n) {
            synchronized (this) {
                if (n <= 0) {
                    cancelled = true;
                    error = new IllegalArgumentException("request must be positive (rule 3.9) but was " + n);
                } else {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
            }
            schedule();
        }

        @Override
        public void cancel() {
            synchronized (this) {
                cancelled = true;
                buffer.clear();
            }
            subs.remove(this);
        }

        private void schedule() {
            synchronized (this) {
                if (draining) {
                    return;
                }
                draining = true;
            }
            executor.execute(this::drain);
        }

        private void drain() {
            while (true) {
                T next = null;
                Throwable err = null;
                boolean done = false;
                synchronized (this) {
                    if (error != null) {
                        err = error;
                        error = null;
                    } else if (!cancelled && demand > 0 && !buffer.isEmpty()) {
                        next = buffer.pollFirst();
                        demand--;
                    } else if (!cancelled && completing && buffer.isEmpty()) {
                        done = true;
                        cancelled = true;
                    } else {
                        draining = false;
                        return;
                    }
                }
                if (err != null) {
                    subs.remove(this);
                    subscriber.onError(err);
                } else if (done) {
                    subs.remove(this);
                    subscriber.onComplete();
                } else {
                    subscriber.onNext(next);
                }
            }
        }
    }

    /** Builds a {@link LivePublisher}. */
    public static final class Builder {
        private int bufferSize = 1024;
        private Overflow overflow = Overflow.DROP_OLDEST;
        private Executor executor;

        private Builder() {
        }

        /** @param size items buffered per subscriber, 1–1,000,000 @return this */
        public Builder bufferSize(int size) {
            if (size < 1 || size > 1_000_000) {
                throw new IllegalArgumentException("bufferSize must be between 1 and 1000000 but was " + size);
            }
            this.bufferSize = size;
            return this;
        }

        /** @param policy what to do when a buffer is full @return this */
        public Builder overflow(Overflow policy) {
            this.overflow = Objects.requireNonNull(policy, "overflow");
            return this;
        }

        /**
         * @param executor runs deliveries; must not run tasks on the caller's thread if subscribers block
         * @return this
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** @param <T> item type @return the publisher */
        public <T> LivePublisher<T> build() {
            return new LivePublisher<>(this);
        }
    }
}
