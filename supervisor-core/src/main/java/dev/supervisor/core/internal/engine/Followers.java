package dev.supervisor.core.internal.engine;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StoredEvent;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads stored events for {@code Supervisor.follow} listeners (stores with an event log), and completes the outcomes
 * of runs driven elsewhere when they end (any store). One daemon thread, started on first use, woken by the store
 * when it can tell of new events ({@link RunEventLog#awaitEvents}) and polling otherwise. Each listener reads its
 * run's history by sequence number, so it sees every event once and in order, whenever it subscribed. One read of
 * the store's tail per round tells which runs have new events: only their listeners read, so a round costs one
 * query however many listeners wait on quiet runs (a dashboard's pages).
 */
final class Followers {
    private static final Logger LOG = LoggerFactory.getLogger(Followers.class);
    private static final Duration POLL = Duration.ofMillis(50);
    /** Watched outcomes are also checked this often, not only when the tail shows their run ending. */
    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int PAGE = 1000;
    /** Woken rounds come at most this often: a run storing events fast costs one tail read per gap, not per event. */
    private static final long MIN_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private final DefaultSupervisor sup;
    private final RunEventLog log;
    private final RunStore store;
    private final CopyOnWriteArrayList<Follower> followers = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<RunOutcome>> watched = new ConcurrentHashMap<>();
    private Thread thread;
    private volatile boolean closed;
    private String position; // the tail's cursor; the thread's own
    private long lastSweep;
    private long lastRound;
    private Subscription nudges;
    /** Set by a publication, cleared by the round that follows it: a wake-up is not lost to the gap's own parking. */
    private volatile boolean nudged;

    /**
     * @param log the store's event log, or null when it keeps none (only watches are possible then)
     */
    Followers(DefaultSupervisor sup, RunEventLog log, RunStore store) {
        this.sup = sup;
        this.log = log;
        this.store = store;
    }

    boolean hasLog() {
        return log != null;
    }

    private final class Follower implements Subscription {
        final String runId;
        final Consumer<StoredEvent> listener;
        long last;
        volatile boolean fresh = true; // its history up to now is still to be read
        volatile boolean closed;

        Follower(String runId, long after, Consumer<StoredEvent> listener) {
            this.runId = runId;
            this.last = after;
            this.listener = listener;
        }

        @Override
        public void close() {
            closed = true;
            followers.remove(this);
        }
    }

    Subscription follow(String runId, long after, Consumer<StoredEvent> listener) {
        Follower f = new Follower(runId, after, listener);
        followers.add(f);
        start();
        return f;
    }

    void watch(String runId, CompletableFuture<RunOutcome> outcome) {
        CompletableFuture<RunOutcome> existing = watched.putIfAbsent(runId, outcome);
        if (existing != null && existing != outcome) {
            existing.whenComplete((o, e) -> {
                if (e != null) {
                    outcome.completeExceptionally(e);
                } else {
                    outcome.complete(o);
                }
            });
        }
        start();
        if (closed) { // closed meanwhile, perhaps before close() looked at what is watched
            unwatched(runId, outcome);
        }
    }

    private synchronized void start() {
        if (thread == null && !closed) {
            Thread t = new Thread(this::loop, "supervisor-followers-" + sup.nodeId());
            t.setDaemon(true);
            thread = t;
            t.start();
            // What this supervisor drives is stored before it is published: a publication wakes the reader at once
            // instead of at its next poll (stores that cannot notify, such as H2, are otherwise polled every 50 ms).
            nudges = sup.events().subscribe(dev.supervisor.api.event.SupervisorEvent.class, e -> {
                if (!followers.isEmpty()) {
                    nudged = true;
                    LockSupport.unpark(t);
                }
            });
        }
    }

    private void loop() {
        while (!closed) {
            try {
                long gap;
                while ((gap = System.nanoTime() - lastRound) < MIN_GAP_NANOS && !closed) {
                    LockSupport.parkNanos(this, MIN_GAP_NANOS - gap); // a pending wake-up returns at once
                }
                if (!nudged && (log == null || !log.awaitEvents(Duration.ofSeconds(1))) && !nudged) {
                    LockSupport.parkNanos(this, POLL.toNanos());
                }
                nudged = false; // before the round reads: a later publication is read by the next round
                lastRound = System.nanoTime();
                Set<String> changed = changedRuns();
                Map<String, List<Follower>> due = new java.util.LinkedHashMap<>();
                for (Follower f : followers) {
                    if (f.fresh || changed == null || changed.contains(f.runId)) {
                        f.fresh = false;
                        due.computeIfAbsent(f.runId, k -> new java.util.ArrayList<>()).add(f);
                    }
                }
                due.forEach(this::deliver);
                long now = System.nanoTime();
                boolean sweep = changed == null || now - lastSweep >= SWEEP_NANOS;
                if (sweep) {
                    lastSweep = now;
                }
                for (var e : watched.entrySet()) {
                    if (sweep || changed.contains(e.getKey())) {
                        check(e.getKey(), e.getValue());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("reading stored events failed; retrying", e);
                position = null; // read every listener's run again after a failure
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    /** @return the runs with events stored since the last round, or null when every run must be looked at */
    private Set<String> changedRuns() {
        if (log == null) {
            return null;
        }
        if (position == null) {
            position = log.tail(null, 1).position();
            return null; // the first round, or after a failure: anything may have happened before
        }
        Set<String> runs = new HashSet<>();
        for (int page = 0; page < 100; page++) {
            String before = position;
            // Only the run ids are needed: nothing is decoded.
            position = log.tail(position, PAGE, (runId, node) -> {
                runs.add(runId);
                return false;
            }).position();
            if (position.equals(before)) {
                return runs;
            }
        }
        return null; // a flood: read every run rather than page on
    }

    /**
     * Reads a run's new events once for all its listeners (from the one furthest behind) and hands each listener
     * those after its own position: twenty pages following one run cost one read, and share the event objects.
     */
    private void deliver(String runId, List<Follower> listeners) {
        while (true) {
            long from = Long.MAX_VALUE;
            for (Follower f : listeners) {
                if (!f.closed) {
                    from = Math.min(from, f.last);
                }
            }
            if (from == Long.MAX_VALUE) {
                return;
            }
            List<StoredEvent> page = log.events(runId, from, PAGE);
            for (StoredEvent e : page) {
                for (Follower f : listeners) {
                    if (f.closed || e.sequence() <= f.last) {
                        continue;
                    }
                    f.last = e.sequence();
                    try {
                        f.listener.accept(e);
                    } catch (RuntimeException ex) {
                        LOG.warn("listener following run {} failed on event {}", runId, e.sequence(), ex);
                    }
                    if (e.event() instanceof RunFinished) {
                        f.close();
                    }
                }
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private void check(String runId, CompletableFuture<RunOutcome> outcome) {
        if (outcome.isDone()) {
            watched.remove(runId, outcome);
            return;
        }
        RunRecord r = store.findRun(runId).orElse(null);
        if (r == null) {
            watched.remove(runId, outcome);
            outcome.completeExceptionally(new dev.supervisor.api.SupervisorException("run " + runId
                    + " is no longer in the store"));
        } else if (r.status().isTerminal()) {
            watched.remove(runId, outcome);
            outcome.complete(sup.storedOutcome(runId));
        }
    }

    void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
            if (nudges != null) {
                nudges.close();
            }
        }
        if (t != null) {
            t.interrupt();
        }
        // Nothing will tell these handles how their runs end: say so rather than leave them waiting.
        watched.forEach((runId, outcome) -> unwatched(runId, outcome));
    }

    private void unwatched(String runId, CompletableFuture<RunOutcome> outcome) {
        watched.remove(runId, outcome);
        outcome.completeExceptionally(new dev.supervisor.api.SupervisorException("run " + runId + " had not ended"
                + " when the supervisor following it was closed; get a handle from a running one"));
    }
}
