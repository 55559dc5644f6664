package dev.supervisor.spring.boot.web;

import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.json.EventJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams runs' events to clients, each through a bounded buffer so that a slow client never slows the engine:
 * the supervisor's follower thread only offers events to the buffer, and a writer drains it to the client. When a
 * client falls {@code buffer} events behind, its stream stops following, writes what it holds and ends with an
 * {@code overflow} event; the client reconnects with {@code Last-Event-ID} and reads on from the run's stored
 * history, so nothing is lost. Every stream ends after the run's {@code RunFinished}.
 */
final class RunEventStreams implements AutoCloseable {
    /** The name of the last event of a stream that fell behind: reconnect with {@code Last-Event-ID}. */
    static final String OVERFLOW = "overflow";
    /** Most events written together. */
    private static final int MAX_WRITE = 64;
    private final Supervisor supervisor;
    private final int buffer;
    private final Executor writers;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong overflows = new java.util.concurrent.atomic.AtomicLong();
    /**
     * The last event encoded, with its JSON: the follower hands one event object to every client of its run in a
     * row, so each event is encoded once however many clients follow the run.
     */
    private volatile Encoded lastEncoded;

    /** An event and its JSON, as queued for a client. */
    private record Encoded(StoredEvent event, String json) {
    }

    /** On the follower thread. */
    private Encoded encode(StoredEvent e) {
        Encoded last = lastEncoded;
        if (last != null && last.event() == e) {
            return last;
        }
        Encoded now = new Encoded(e, EventJson.write(e.event()));
        lastEncoded = now;
        return now;
    }

    /**
     * @param supervisor the engine whose runs are followed
     * @param buffer events buffered per client, positive
     * @param writers runs the writes to clients (a client's writes run one at a time, in order)
     */
    RunEventStreams(Supervisor supervisor, int buffer, Executor writers) {
        if (buffer < 1) {
            throw new IllegalArgumentException("buffer must be positive but was " + buffer);
        }
        this.supervisor = supervisor;
        this.buffer = buffer;
        this.writers = writers;
    }

    /**
     * Starts streaming a run's events after {@code afterSequence} to {@code sink}.
     *
     * @param runId the run
     * @param afterSequence the last sequence number the client has (0 for all)
     * @param sink the client
     * @return a handle to close the stream early (for example when the client goes away)
     * @throws dev.supervisor.api.SupervisorException if the supervisor keeps no event log
     */
    AutoCloseable open(String runId, long afterSequence, EventSink sink) {
        Client c = new Client(sink);
        clients.add(c);
        try {
            c.subscription = supervisor.follow(runId, afterSequence, c::offer);
        } catch (RuntimeException e) {
            clients.remove(c);
            throw e;
        }
        if (c.closed.get()) {
            c.subscription.close(); // ended before the subscription was known
        }
        return c::close;
    }

    /** Sends a comment to every client, so that proxies keep idle streams open and dead clients are found. */
    void heartbeat() {
        for (Client c : clients) {
            c.ping = true;
            c.schedule();
        }
    }

    /** @return how many clients fell a whole buffer behind and were told to reconnect, so far */
    long overflows() {
        return overflows.get();
    }

    /** @return clients streaming now */
    int clients() {
        return clients.size();
    }

    @Override
    public void close() {
        for (Client c : clients) {
            c.close();
            c.sink.complete();
        }
    }

    private final class Client {
        final EventSink sink;
        final ArrayBlockingQueue<Encoded> queue = new ArrayBlockingQueue<>(buffer);
        final AtomicBoolean scheduled = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile Subscription subscription;
        volatile boolean overflowed;
        volatile boolean ping;

        Client(EventSink sink) {
            this.sink = sink;
        }

        /** On the follower thread: never blocks. */
        void offer(StoredEvent e) {
            if (closed.get() || overflowed) {
                return;
            }
            if (!queue.offer(encode(e))) {
                overflowed = true;
                overflows.incrementAndGet();
                Subscription s = subscription;
                if (s != null) {
                    s.close();
                }
            }
            schedule();
        }

        void schedule() {
            if (!closed.get() && scheduled.compareAndSet(false, true)) {
                try {
                    writers.execute(this::drain);
                } catch (RuntimeException e) {
                    scheduled.set(false);
                    close();
                }
            }
        }

        private void drain() {
            try {
                // What queued up while the last write was under way goes out in one write and one flush.
                List<EventSink.Event> batch = new ArrayList<>();
                boolean finished = false;
                Encoded e;
                while (!closed.get() && !finished && (e = queue.poll()) != null) {
                    batch.add(new EventSink.Event(Long.toString(e.event().sequence()),
                            e.event().event().getClass().getSimpleName(), e.json()));
                    if (batch.size() == MAX_WRITE) {
                        sink.sendAll(batch);
                        batch.clear();
                    }
                    finished = e.event().event() instanceof RunFinished;
                }
                if (!batch.isEmpty()) {
                    sink.sendAll(batch);
                }
                if (finished) {
                    end();
                    return;
                }
                if (overflowed && queue.isEmpty() && !closed.get()) {
                    sink.send(null, OVERFLOW, "{\"reason\":\"the client fell " + buffer + " events behind; "
                            + "reconnect with Last-Event-ID\"}");
                    end();
                    return;
                }
                if (ping && !closed.get()) {
                    ping = false;
                    sink.send(null, null, null);
                }
            } catch (IOException | RuntimeException gone) {
                close();
                return;
            } finally {
                scheduled.set(false);
            }
            if (!queue.isEmpty() || overflowed) {
                schedule();
            }
        }

        private void end() {
            close();
            sink.complete();
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                clients.remove(this);
                Subscription s = subscription;
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
