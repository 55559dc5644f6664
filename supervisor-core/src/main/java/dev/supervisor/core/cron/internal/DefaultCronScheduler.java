package dev.supervisor.core.cron.internal;

import dev.supervisor.api.spi.ScheduleState;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.cron.CronSchedulerConfig;
import dev.supervisor.core.cron.ScheduleInfo;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduledFire;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lock, one priority queue of due times, one armed timer action for the head of the queue. Fires are handed
 * to targets under the lock so that overlap decisions see the work started a moment before (a synchronous
 * target has finished by the time the next fire of a catch-up burst is considered).
 */
public final class DefaultCronScheduler implements CronScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultCronScheduler.class);
    private static final Duration STORE_RETRY = Duration.ofSeconds(1);
    /** Longest single timer wait; a later head is re-armed on waking (and a wait never overflows nanoseconds). */
    private static final Duration MAX_WAIT = Duration.ofDays(1);

    private final Clock clock;
    private final DelayScheduler timer;
    private final ScheduledThreadPoolExecutor ownTimer;
    private final ScheduleStore store;
    private final Object lock = new Object();
    private final Map<String, ScheduleEntry> entries = new HashMap<>();
    private final DueQueue queue = new DueQueue();
    private DelayScheduler.Cancellable armed;
    private Instant armedFor;
    private long sequence;
    private boolean closed;

    /** @param config clock, timer, store */
    public DefaultCronScheduler(CronSchedulerConfig config) {
        Objects.requireNonNull(config, "config");
        this.clock = config.clock();
        this.store = config.store();
        if (config.timer() != null) {
            this.ownTimer = null;
            this.timer = config.timer();
        } else {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread th = new Thread(r, "supervisor-cron");
                th.setDaemon(true);
                return th;
            });
            t.setRemoveOnCancelPolicy(true);
            this.ownTimer = t;
            this.timer = (action, delay) -> {
                var f = t.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            };
        }
        if (config.warmUp()) {
            WarmUp.startOnce();
        }
    }

    @Override
    public ScheduleInfo add(ScheduleSpec spec) {
        Objects.requireNonNull(spec, "spec");
        synchronized (lock) {
            ensureOpen();
            if (entries.containsKey(spec.id())) {
                throw new IllegalArgumentException("schedule '" + spec.id() + "' is already added");
            }
            Instant now = clock.instant();
            String fp = spec.fingerprint();
            Optional<ScheduleState> stored = store.find(spec.id());
            ScheduleState state;
            if (stored.isEmpty()) {
                Instant first = Fires.firstAfter(spec, now);
                state = store.createIfAbsent(new ScheduleState(spec.id(), fp, first, null, false, first == null, 0));
            } else if (!stored.get().fingerprint().equals(fp)) {
                ScheduleState s = stored.get();
                Instant first = s.paused() ? null : Fires.firstAfter(spec, now);
                state = store.update(new ScheduleState(spec.id(), fp, first, s.lastFire(), s.paused(),
                        !s.paused() && first == null, s.version() + 1));
            } else {
                state = stored.get();
            }
            ScheduleEntry e = new ScheduleEntry(spec, state);
            entries.put(spec.id(), e);
            enqueue(e);
            arm();
            return e.info();
        }
    }

    @Override
    public boolean remove(String id) {
        synchronized (lock) {
            ScheduleEntry e = entries.remove(id);
            if (e == null) {
                return false;
            }
            unqueue(e);
            store.delete(id);
            arm();
            return true;
        }
    }

    @Override
    public void pause(String id) {
        synchronized (lock) {
            ScheduleEntry e = entry(id);
            if (!e.state.paused()) {
                unqueue(e);
                persist(e, s -> s.next(null, s.lastFire(), true, s.completed()));
                arm();
            }
        }
    }

    @Override
    public void resume(String id) {
        synchronized (lock) {
            ScheduleEntry e = entry(id);
            if (e.state.paused()) {
                Instant next = Fires.firstAfter(e.spec, clock.instant());
                persist(e, s -> s.next(next, s.lastFire(), false, next == null));
                enqueue(e);
                arm();
            }
        }
    }

    @Override
    public ScheduledFire trigger(String id) {
        synchronized (lock) {
            ensureOpen();
            ScheduleEntry e = entry(id);
            Instant now = clock.instant();
            return e.dispatch(new Catchup.Due(now, ScheduledFire.Kind.MANUAL), clock, lock);
        }
    }

    @Override
    public List<Instant> preview(String id, int count) {
        synchronized (lock) {
            return Fires.preview(entry(id).spec, clock.instant(), count);
        }
    }

    @Override
    public Optional<ScheduleInfo> info(String id) {
        synchronized (lock) {
            ScheduleEntry e = entries.get(id);
            return e == null ? Optional.empty() : Optional.of(e.info());
        }
    }

    @Override
    public List<ScheduleInfo> schedules() {
        synchronized (lock) {
            List<ScheduleInfo> out = new ArrayList<>();
            for (ScheduleEntry e : new TreeMap<>(entries).values()) {
                out.add(e.info());
            }
            return out;
        }
    }

    @Override
    public void runDue() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            while (queue.headDueBy(now)) {
                process(queue.poll(), now);
            }
            arm();
        }
    }

    private void process(ScheduleEntry e, Instant now) {
        try {
            Catchup.Result r = e.decide(now);
            Instant next = r.nextFire();
            ScheduleState updated = e.state.next(next, r.lastReached(), false, next == null);
            try {
                e.state = store.update(updated);
            } catch (StaleVersionException stale) {
                // Another node moved this schedule first: it fired these instants. Adopt its state.
                Optional<ScheduleState> current = store.find(e.spec.id());
                if (current.isEmpty()) {
                    entries.remove(e.spec.id());
                    return;
                }
                e.state = current.get();
                enqueue(e);
                return;
            }
            if (r.droppedMissed()) {
                e.misfires++;
            }
            for (Catchup.Due due : r.fires()) {
                e.dispatch(due, clock, lock);
            }
            enqueue(e);
        } catch (RuntimeException ex) {
            LOG.warn("schedule '{}' could not be processed; retrying in {}", e.spec.id(), STORE_RETRY, ex);
            queue.remove(e);
            e.due = now.plus(STORE_RETRY);
            queue.add(e, e.due, sequence++);
        }
    }

    private void persist(ScheduleEntry e, UnaryOperator<ScheduleState> change) {
        for (int attempt = 0; ; attempt++) {
            try {
                e.state = store.update(change.apply(e.state));
                return;
            } catch (StaleVersionException stale) {
                if (attempt >= 2) {
                    throw stale;
                }
                e.state = store.find(e.spec.id()).orElseThrow(() -> stale);
            }
        }
    }

    private void unqueue(ScheduleEntry e) {
        queue.remove(e);
    }

    private void enqueue(ScheduleEntry e) {
        unqueue(e);
        ScheduleState s = e.state;
        if (s.paused() || s.completed() || s.nextFire() == null || entries.get(e.spec.id()) != e) {
            return;
        }
        e.due = s.nextFire().plus(Fires.jitter(e.spec, s.nextFire()));
        queue.add(e, e.due, sequence++);
    }

    private void arm() {
        ScheduleEntry head = queue.peek();
        if (head == null || closed) {
            cancelArmed();
            return;
        }
        if (armedFor != null && head.due.equals(armedFor)) {
            return;
        }
        cancelArmed();
        Duration wait = Duration.between(clock.instant(), head.due);
        long nanos = wait.isNegative() ? 0 : wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT.toNanos() : wait.toNanos();
        armedFor = head.due;
        armed = timer.schedule(this::onTimer, Duration.ofNanos(nanos));
    }

    private void cancelArmed() {
        if (armed != null) {
            armed.cancel();
        }
        armed = null;
        armedFor = null;
    }

    private void onTimer() {
        synchronized (lock) {
            armed = null;
            armedFor = null;
        }
        runDue();
    }

    private ScheduleEntry entry(String id) {
        ScheduleEntry e = entries.get(Objects.requireNonNull(id, "id"));
        if (e == null) {
            throw new NoSuchElementException("no schedule '" + id + "' in this scheduler");
        }
        return e;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("cron scheduler is closed");
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            cancelArmed();
        }
        if (ownTimer != null) {
            ownTimer.shutdownNow();
        }
    }
}
