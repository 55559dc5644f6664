package dev.supervisor.core.internal.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskDeferredException;
import dev.supervisor.api.TaskTimeoutException;
import dev.supervisor.api.spi.AttemptReport;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.spi.RunChanges;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.TaskClaims;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.ClusterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode of one supervisor: the node's worker side. One pump thread claims ready tasks of every run from the
 * store (as many as the node has free slots, skipping task types and tags whose caps are full) and hands them to the
 * executor; a storing thread writes the attempts' results in batches, so that a claim and a batch of results are
 * in the database at the same time rather than one after the other; a housekeeping thread renews leases, reclaims the tasks of
 * dead nodes, adopts their runs and asks the owner side ({@link DefaultSupervisor}) to apply what other nodes did to
 * the runs it owns. The owner side is the ordinary engine: it decides what becomes ready exactly as in a single
 * node, but instead of starting ready tasks itself it stores them READY for any node to claim.
 */
final class Cluster {
    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);
    private final DefaultSupervisor sup;
    final TaskClaims claims;
    final RunStore store;
    private final RunEventLog log;
    private final ClusterConfig config;
    final String node;
    /** Views of runs other nodes own, for executing their tasks here. */
    private final Cache<String, RunView> views = Caffeine.newBuilder().maximumSize(10_000).build();
    private final Set<ClaimedAttempt> inFlight = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<ClaimedAttempt> ended = new ConcurrentLinkedQueue<>();
    /** Claimed attempts waiting for one of the node's slots (claimed ahead, see {@link #ahead()}). */
    private final ConcurrentLinkedQueue<ClaimedAttempt> waiting = new ConcurrentLinkedQueue<>();
    /** Attempts handed to the executor and not yet ended: at most {@code maxConcurrency}. */
    private final AtomicInteger running = new AtomicInteger();
    /**
     * Attempts claimed and not yet ended (waiting or running). Claims are sized by these, not by every attempt in
     * flight: an ended attempt whose result is being stored holds no slot, and counting it made a node of short
     * tasks wait for its results to be stored before it claimed again, so that at most a claim's worth of tasks
     * was ever on its way (a cluster of no-op tasks ran at half the speed it runs with the two overlapped).
     */
    private final AtomicInteger unfinished = new AtomicInteger();
    /** Moving average of how long an attempt takes on this node, in nanoseconds; -1 before the first one. */
    private volatile long attemptNanos = -1;
    /** Moving average of a claim's round trip, in nanoseconds (pump thread only). */
    private long claimNanos;
    private final Map<String, AtomicInteger> runningByType = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runningByTag = new ConcurrentHashMap<>();
    private final Thread pump;
    private final Thread storer;
    private final Thread housekeeping;
    private volatile boolean claiming = true;
    private final Object claimLock = new Object();
    /**
     * Claims and stores hold it shared while they write and tell the owner side; taking over a run holds it
     * exclusively twice, to mark the run as being taken over before reading it and to make it active after. So
     * each of this node's transitions of a run it drives is either in what was read, kept aside for the takeover,
     * or told to the owner side, and {@link #follow} can pass over the node's own events instead of reading them
     * back.
     */
    private final java.util.concurrent.locks.ReadWriteLock adoption = new java.util.concurrent.locks.ReentrantReadWriteLock();
    /** The run being taken over (read outside the lock), and this node's transitions of it meanwhile. */
    private volatile String adopting;
    private final List<TaskRecord> adoptingSeen = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopped;
    private String position;
    private long lastRenew;
    private long lastLeaseWork;
    private long lastFollow;
    /** Least time between two reads of the event log: every commit of any node notifies, and a read costs. */
    private static final long FOLLOW_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    Cluster(DefaultSupervisor sup, RunStore store, ClusterConfig config) {
        this.sup = sup;
        this.store = store;
        this.claims = store.capability(TaskClaims.class).orElseThrow(() -> new IllegalArgumentException(
                "cluster mode needs a run store that can claim tasks (TaskClaims); " + store.getClass().getName()
                        + " cannot: use JdbcStores.runStore(...) on PostgreSQL"));
        this.log = store.capability(RunEventLog.class).orElseThrow(() -> new IllegalArgumentException(
                "cluster mode needs a run store with an event log (RunEventLog); " + store.getClass().getName()
                        + " has none"));
        this.config = config;
        this.node = sup.nodeId();
        this.position = log.tail(null, 1).position();
        this.pump = daemon(this::pumpLoop, "supervisor-claims-" + node);
        this.storer = daemon(this::storeLoop, "supervisor-results-" + node);
        this.housekeeping = daemon(this::housekeepingLoop, "supervisor-cluster-" + node);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void start() {
        pump.start();
        storer.start();
        housekeeping.start();
    }

    Duration lease() {
        return config.lease();
    }

    Clock clock() {
        return sup.clock;
    }

    List<dev.supervisor.api.spi.AttemptInterceptor> interceptors() {
        return sup.interceptors;
    }

    /* ---- the pump: claim, launch, store results ---- */

    private void pumpLoop() {
        while (!stopped) {
            try {
                if (claimWhileClaiming() == 0) {
                    LockSupport.parkNanos(this, config.pollInterval().toNanos());
                }
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.warn("cluster node {}: claiming failed; retrying", node, e);
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    private void storeLoop() {
        while (!stopped) {
            try {
                if (storeEnded() > 0) {
                    wake(); // slots are free again
                } else {
                    LockSupport.parkNanos(this, config.pollInterval().toNanos());
                }
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.warn("cluster node {}: storing results failed; retrying", node, e);
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    /** Wakes the pump: new work may be in the store, or slots became free. */
    void wake() {
        LockSupport.unpark(pump);
    }

    /**
     * Claims unless the node stopped claiming; {@link #stopClaiming} waits for a claim under way, so that a task
     * released on shutdown cannot be claimed again by a claim that started before.
     */
    private int claimWhileClaiming() {
        synchronized (claimLock) {
            if (!claiming) {
                return 0;
            }
            Claimed got;
            adoption.readLock().lock();
            try {
                got = claim();
            } finally {
                adoption.readLock().unlock();
            }
            // Outside the lock: reading a run's view can take a while, and a takeover waits for the lock.
            launchAll(got);
            return got.records.size();
        }
    }

    /** Tasks a claim took, with the events that report their start. */
    private record Claimed(List<TaskRecord> records, Map<TaskRecord, TaskStarted> events) {
        static final Claimed NONE = new Claimed(List.of(), Map.of());
    }

    private Claimed claim() {
        int free = Math.min(config.claimBatch(), sup.maxConcurrency() + ahead() - unfinished.get());
        if (free <= 0) {
            return Claimed.NONE;
        }
        Set<String> types = new HashSet<>();
        for (TaskType t : sup.handlerTypes()) {
            if (!sup.typeFull(t, count(runningByType, t.name()))) {
                types.add(t.name());
            }
        }
        Set<String> fullTags = new HashSet<>();
        for (String tag : sup.cappedTags()) {
            if (sup.tagFull(tag, count(runningByTag, tag))) {
                fullTags.add(tag);
            }
        }
        if (types.isEmpty()) {
            return Claimed.NONE;
        }
        // By identity: a record's own hash reads all of its fields.
        Map<TaskRecord, TaskStarted> events = new java.util.IdentityHashMap<>();
        long t0 = System.nanoTime();
        List<TaskRecord> got = claims.claim(new TaskClaims.ClaimRequest(node, free, config.lease(), types, fullTags),
                c -> {
                    TaskRecord r = c.task();
                    TaskStarted e = new TaskStarted(r.runId(), c.workflowId(), r.taskId(), c.type(), r.attempt(),
                            "local", sup.clock.instant(), Duration.ZERO);
                    events.put(r, e);
                    return List.of(e);
                });
        long took = System.nanoTime() - t0;
        claimNanos = claimNanos == 0 ? took : claimNanos + (took - claimNanos) / 8;
        Map<String, List<TaskRecord>> byRun = new LinkedHashMap<>();
        for (TaskRecord r : got) {
            byRun.computeIfAbsent(r.runId(), k -> new ArrayList<>()).add(r);
        }
        byRun.forEach(this::tellOwner);
        return new Claimed(got, events);
    }

    private void launchAll(Claimed claimed) {
        for (TaskRecord r : claimed.records) {
            TaskStarted e = claimed.events.get(r);
            RunView view;
            try {
                view = view(r.runId()); // after the claim's transaction: reading the store inside it could starve a pool
            } catch (RuntimeException ex) {
                LOG.warn("cluster node {} cannot run task '{}' of run {}; it goes back to the queue", node,
                        r.taskId(), r.runId(), ex);
                store.update(r.released("node " + node + " cannot run it: " + ex.getMessage()));
                continue;
            }
            launch(new ClaimedAttempt(this, view, r, e.timestamp()), e);
        }
    }

    /**
     * Tells the owner side of this node's own transitions of a run it drives (they are not read back from the event
     * log); while the run is being taken over, they are kept for the takeover to apply. Called under the shared
     * {@link #adoption} lock.
     */
    private void tellOwner(String runId, List<TaskRecord> records) {
        if (sup.active(runId) != null) {
            sup.observe(runId, records);
        } else if (runId.equals(adopting)) {
            adoptingSeen.addAll(records);
        }
    }

    /**
     * Tasks to claim beyond the free slots: as many as the node is expected to start before its next claim comes
     * back, so only for attempts much shorter than a claim's round trip (none before an attempt ended here). None
     * while type or tag caps are set, where a claim could take more tasks of a capped kind than the cap. Claiming
     * only as many as the free slots made a node with 4 slots store 4 results and claim 4 tasks per round of
     * transactions, and a cluster of no-op tasks run 15 times slower than one whose nodes claimed in batches.
     */
    private int ahead() {
        long attempt = attemptNanos;
        if (attempt < 0 || sup.capped()) {
            return 0;
        }
        return (int) Math.min(config.claimBatch(), sup.maxConcurrency() * claimNanos / Math.max(1, attempt));
    }

    private static int count(Map<String, AtomicInteger> m, String key) {
        AtomicInteger c = m.get(key);
        return c == null ? 0 : c.get();
    }

    private void launch(ClaimedAttempt a, SupervisorEvent started) {
        inFlight.add(a);
        unfinished.incrementAndGet();
        TaskSpec spec = a.task();
        runningByType.computeIfAbsent(spec.type().name(), k -> new AtomicInteger()).incrementAndGet();
        for (String tag : spec.tags()) {
            runningByTag.computeIfAbsent(tag, k -> new AtomicInteger()).incrementAndGet();
        }
        sup.events.publishNow(List.of(started));
        if (stopping(a.view.runId()) && !spec.teardown()) {
            a.stoppedByRun = true;
            a.requestStop(sup.delay, Duration.ZERO);
        }
        waiting.add(a);
        startWaiting();
    }

    /** Hands waiting attempts to the executor while fewer than {@code maxConcurrency} run. */
    private void startWaiting() {
        while (!waiting.isEmpty()) {
            int r = running.get();
            if (r >= sup.maxConcurrency()) {
                return; // an attempt that ends calls this again
            }
            if (!running.compareAndSet(r, r + 1)) {
                continue;
            }
            ClaimedAttempt a = waiting.poll();
            if (a == null) {
                running.decrementAndGet(); // another thread took the last one
                continue;
            }
            a.task().timeout().ifPresent(t -> a.timeoutHandle = sup.delay.schedule(() -> {
                a.timedOut = true;
                a.requestStop(sup.delay, sup.cancellationGrace());
            }, t));
            try {
                sup.executor().execute(a);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                a.stoppedByRun = true; // the node is shutting down: the task goes back when its lease lapses
                a.leaseLost = true;
                attemptEnded(a);
            }
        }
    }

    void attemptEnded(ClaimedAttempt a) {
        if (a.timeoutHandle != null) {
            a.timeoutHandle.cancel();
        }
        running.decrementAndGet();
        unfinished.decrementAndGet();
        long ran = a.ranNanos();
        if (ran > 0) {
            long avg = attemptNanos;
            attemptNanos = avg < 0 ? ran : avg + (ran - avg) / 8; // racy between workers, and only an estimate
        }
        startWaiting();
        ended.add(a);
        LockSupport.unpark(storer);
    }

    /** Stores the results waiting, one batch per run. */
    private int storeEnded() {
        if (ended.isEmpty()) {
            return 0;
        }
        adoption.readLock().lock();
        try {
            return storeAllEnded();
        } finally {
            adoption.readLock().unlock();
        }
    }

    private int storeAllEnded() {
        Map<String, List<ClaimedAttempt>> byRun = new LinkedHashMap<>();
        ClaimedAttempt a;
        while ((a = ended.poll()) != null) {
            byRun.computeIfAbsent(a.view.runId(), k -> new ArrayList<>()).add(a);
        }
        // The database's clock, read once and only if a result needs it (a back-off): one round trip fewer per batch.
        Instant[] now = new Instant[1];
        Supplier<Instant> storeNow = () -> now[0] != null ? now[0] : (now[0] = claims.now());
        int n = 0;
        List<List<ClaimedAttempt>> batches = new ArrayList<>(byRun.values());
        for (int i = 0; i < batches.size(); i++) {
            try {
                store(batches.get(i), storeNow);
            } catch (RuntimeException e) {
                for (int j = i + 1; j < batches.size(); j++) {
                    ended.addAll(batches.get(j)); // not tried yet: stored on the next round
                }
                throw e;
            }
            n += batches.get(i).size();
        }
        return n;
    }

    private void store(List<ClaimedAttempt> batch, Supplier<Instant> storeNow) {
        List<Result> results = new ArrayList<>();
        for (ClaimedAttempt a : batch) {
            if (a.leaseLost) {
                finish(a);
            } else {
                results.add(result(a, storeNow));
            }
        }
        if (results.isEmpty()) {
            return;
        }
        try {
            apply(results);
        } catch (StaleVersionException e) {
            // One of them lost its lease (the task is another node's now): store the others one by one.
            for (Result r : results) {
                try {
                    apply(List.of(r));
                } catch (StaleVersionException lost) {
                    LOG.info("cluster node {}: result of task '{}' in run {} dropped, its lease was lost", node,
                            r.next.taskId(), r.next.runId());
                    r.events.clear();
                }
            }
        } catch (RuntimeException e) {
            // Nothing was written (one transaction) and the store gave up retrying: the results go back to be
            // stored on a later round. Dropped, their attempts would stay in flight and their tasks RUNNING for as
            // long as the node lives. (An outage longer than the lease lets another node take the task back; the
            // late result is then fenced off.)
            for (Result r : results) {
                ended.add(r.attempt);
            }
            throw e;
        }
        List<TaskRecord> stored = new ArrayList<>();
        for (Result r : results) {
            if (!r.events.isEmpty()) {
                stored.add(r.next);
            }
            sup.events.publishNow(r.events);
            finish(r.attempt);
        }
        if (!stored.isEmpty()) {
            tellOwner(results.get(0).attempt.view.runId(), stored);
        }
    }

    private void apply(List<Result> results) {
        List<TaskRecord> records = new ArrayList<>();
        List<SupervisorEvent> events = new ArrayList<>();
        for (Result r : results) {
            records.add(r.next);
            events.addAll(r.events);
        }
        store.apply(new RunChanges(results.get(0).next.runId(), node, records, null, events));
    }

    private void finish(ClaimedAttempt a) {
        inFlight.remove(a);
        TaskSpec spec = a.task();
        count(runningByType, spec.type().name(), -1);
        for (String tag : spec.tags()) {
            count(runningByTag, tag, -1);
        }
    }

    private static void count(Map<String, AtomicInteger> m, String key, int delta) {
        AtomicInteger c = m.get(key);
        if (c != null) {
            c.addAndGet(delta);
        }
    }

    /** A task's next record after an attempt, and the events that report it. */
    private record Result(ClaimedAttempt attempt, TaskRecord next, List<SupervisorEvent> events) {
    }

    /**
     * The same classification as a single node's (see {@code Transitions.attemptEnded}): stopped by the run,
     * succeeded, retried, or failed for good.
     */
    private Result result(ClaimedAttempt a, Supplier<Instant> storeNow) {
        TaskRecord cur = a.ending();
        Instant now = sup.clock.instant();
        Duration took = now.isBefore(a.startedAt) ? Duration.ZERO : Duration.between(a.startedAt, now);
        List<SupervisorEvent> events = new ArrayList<>(1);
        AttemptReport rep = a.report();
        TaskRecord next;
        if (a.stoppedByRun) {
            next = cur.finished(TaskState.CANCELLED, now, null, "cancelled");
            events.add(Events.cancelled(a.view, a.index, a.number, now));
            return new Result(a, next, events);
        }
        events.addAll(Events.calls(a.view, a.index, a.number, rep));
        if (a.failure() instanceof TaskDeferredException d && !a.timedOut) {
            Duration wait = d.notBefore().isAfter(now) ? Duration.between(now, d.notBefore()) : Duration.ZERO;
            next = cur.deferredTo(storeNow.get().plus(wait), d.getMessage());
            events.add(Events.retrying(a.view, a.index, a.number, now, d.getMessage(), wait, rep));
        } else if (a.failure() == null && !a.timedOut) {
            next = cur.succeeded(now, a.output(), a.branches(), a.shortCircuited());
            events.add(Events.succeeded(a.view, a.index, a.number, now, took, rep));
        } else {
            TaskSpec spec = a.task();
            Throwable cause = a.timedOut ? new TaskTimeoutException(spec.id(), spec.timeout().orElseThrow())
                    : a.failure();
            String error = Transitions.describe(cause);
            RetryPolicy policy = spec.retryPolicy();
            Transitions.logFailure(a.view.runId(), spec.id(), a.number, cause, error);
            if (policy.shouldRetry(a.number, cause)) {
                Duration wait = sup.retryDelay(policy, a.number);
                next = cur.retryAt(storeNow.get().plus(wait), error);
                events.add(Events.retrying(a.view, a.index, a.number, now, error, wait, rep));
            } else {
                TaskState state = a.timedOut ? TaskState.TIMED_OUT : TaskState.FAILED;
                next = cur.finished(state, now, null, error);
                events.add(Events.failed(a.view, a.index, a.number, now, state, took, error, rep));
            }
        }
        return new Result(a, next, events);
    }

    /* ---- views of runs ---- */

    /** @return how to execute tasks of a run: its own state if this node owns it, else read from the store */
    RunView view(String runId) {
        RunExecution local = sup.active(runId);
        if (local != null) {
            return local.view();
        }
        return views.get(runId, id -> {
            RunRecord run = store.findRun(id).orElseThrow(() -> new SupervisorException("no run " + id));
            WorkflowSpec wf = store.workflow(id).orElseThrow(() -> new SupervisorException("no workflow of run "
                    + id));
            return new RunView(id, run.workflowId(), sup.forWorkers(wf), run.inputs(), null);
        });
    }

    List<TaskRecord> upstream(RunView view, List<String> ids) {
        return store.tasks(view.runId(), ids);
    }

    /* ---- housekeeping: leases, stops, adoption, what other nodes did ---- */

    private void housekeepingLoop() {
        long leaseWorkEvery = config.lease().toNanos() / 3;
        long renewEvery = Math.min(leaseWorkEvery, TimeUnit.MILLISECONDS.toNanos(100));
        while (!stopped) {
            try {
                log.awaitEvents(config.pollInterval().multipliedBy(5));
                wake(); // new events may mean new READY tasks
                long gap = FOLLOW_GAP_NANOS - (System.nanoTime() - lastFollow);
                if (gap > 0) {
                    LockSupport.parkNanos(this, gap);
                }
                lastFollow = System.nanoTime();
                follow();
                long t = System.nanoTime();
                if (t - lastRenew >= renewEvery) {
                    lastRenew = t;
                    renewRuns();
                    stopAttemptsOfStoppedRuns();
                }
                if (t - lastLeaseWork >= leaseWorkEvery) {
                    lastLeaseWork = t;
                    heartbeats();
                    reclaim();
                    adopt();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (stopped) {
                    return; // closing interrupts a store call; nothing to report
                }
                LOG.warn("cluster node {}: housekeeping failed; retrying", node, e);
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    /**
     * Reads what other nodes stored since the last look and has the owner side apply their changes to the runs
     * this node drives. The node's own transitions reach the owner side as they are made (see {@link #adoption}).
     */
    private void follow() {
        for (int page = 0; page < 100; page++) {
            String before = position;
            // Only which tasks changed: their records are read below, so the events are not decoded whole.
            RunEventLog.TaskChanges p = log.taskChanges(position, 2000, (runId, by) -> !node.equals(by)
                    && sup.active(runId) != null);
            position = p.position();
            if (position.equals(before)) {
                return;
            }
            p.tasks().forEach((runId, ids) -> sup.observe(runId, store.tasks(runId, ids)));
        }
    }

    private void renewRuns() {
        List<RunExecution> driving = sup.driving();
        Map<String, RunStatus> owned = claims.renewRuns(node, config.lease());
        sup.ownedRuns(driving, owned);
    }

    private void stopAttemptsOfStoppedRuns() {
        Set<String> runs = new HashSet<>();
        for (ClaimedAttempt a : inFlight) {
            runs.add(a.view.runId());
        }
        if (runs.isEmpty()) {
            return;
        }
        Set<String> stopping = claims.stopping(runs);
        for (ClaimedAttempt a : inFlight) {
            if (stopping.contains(a.view.runId()) && !a.stoppedByRun && !a.task().teardown()) {
                a.stoppedByRun = true;
                a.requestStop(sup.delay, sup.cancellationGrace());
            }
        }
    }

    /** The run was asked to stop: its attempts on this node end CANCELLED. */
    void stopAttempts(String runId) {
        for (ClaimedAttempt a : inFlight) {
            if (a.view.runId().equals(runId) && !a.stoppedByRun && !a.task().teardown()) {
                a.stoppedByRun = true;
                a.requestStop(sup.delay, sup.cancellationGrace());
            }
        }
    }

    /**
     * The node leaves before its attempts finished: their tasks go back to the queue for other nodes (attempt
     * count kept), and whatever the attempts produce later is dropped.
     */
    void abandonInFlight() {
        for (ClaimedAttempt a : inFlight) {
            // Under the attempt's monitor, as heartbeats are: a heartbeat between reading the record and writing
            // the release would move the version on, the release would fail, and the task stay RUNNING under
            // this node's lease until it expired. Released before the attempt is told to stop, so that nothing in
            // the stop can keep the lease either.
            synchronized (a) {
                a.leaseLost = true;
                try {
                    store.update(a.record().released("node " + node + " shut down"));
                } catch (StaleVersionException moved) {
                    releaseAsStored(a); // written since the attempt's record was read: give back what is stored
                } catch (RuntimeException e) {
                    LOG.debug("task '{}' of run {} was already taken back", a.task().id(), a.view.runId(), e);
                }
            }
            a.requestStop(sup.delay, sup.cancellationGrace());
        }
    }

    /** Releases the task as the store has it, if it is still this attempt's: RUNNING under this node's lease. */
    private void releaseAsStored(ClaimedAttempt a) {
        try {
            for (TaskRecord r : store.tasks(a.view.runId(), List.of(a.task().id()))) {
                if (r.state() == TaskState.RUNNING && node.equals(r.leaseOwner()) && r.attempt() == a.number) {
                    store.update(r.released("node " + node + " shut down"));
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("task '{}' of run {} was already taken back", a.task().id(), a.view.runId(), e);
        }
    }

    private boolean stopping(String runId) {
        RunExecution local = sup.active(runId);
        if (local != null) {
            return local.decided() != null;
        }
        return false;
    }

    private void heartbeats() {
        for (ClaimedAttempt a : inFlight) {
            synchronized (a) {
                if (a.leaseLost || a.isEnding()) {
                    continue; // given back, or its result is being written over the record it has
                }
                claims.heartbeat(a.record(), config.lease()).ifPresentOrElse(a::record, () -> {
                    a.leaseLost = true;
                    a.requestStop(sup.delay, sup.cancellationGrace());
                });
            }
        }
    }

    private void reclaim() {
        List<TaskRecord> back = claims.reclaimExpired(10_000);
        if (!back.isEmpty()) {
            LOG.info("cluster node {} returned {} tasks whose lease expired to the queue", node, back.size());
            wake();
        }
    }

    private void adopt() {
        if (!claiming) {
            return;
        }
        for (String runId : claims.adoptRuns(node, config.lease(), 16)) {
            try {
                adopt(runId);
            } catch (RuntimeException e) {
                LOG.warn("cluster node {} could not take over run {}; releasing it", node, runId, e);
                claims.releaseRun(runId, node);
            }
        }
    }

    /**
     * Takes over one run. The run is read without holding the {@link #adoption} lock exclusively, so the node's
     * claims and results go on meanwhile (a large run takes a while to read); those of this run are kept aside from
     * the moment the read starts and applied once the run is active. What other nodes do meanwhile is read from
     * the event log afterwards, as for any run this node drives (this thread does both, one after the other).
     */
    private void adopt(String runId) {
        exclusively(() -> adopting = runId); // claims and results after this keep their records of the run
        try {
            RunExecution run = sup.loadForAdoption(runId);
            exclusively(() -> {
                adopting = null;
                sup.activate(run);
                List<TaskRecord> seen = List.copyOf(adoptingSeen); // nothing adds to it while the lock is held
                adoptingSeen.clear();
                sup.observe(runId, seen); // only what is newer than what was read counts
            });
        } finally {
            if (adopting != null) {
                exclusively(() -> {
                    adopting = null;
                    adoptingSeen.clear();
                });
            }
        }
    }

    private void exclusively(Runnable r) {
        adoption.writeLock().lock();
        try {
            r.run();
        } finally {
            adoption.writeLock().unlock();
        }
    }

    /* ---- shutdown ---- */

    /** Stops claiming and adopting; attempts already running finish and are stored. */
    void stopClaiming() {
        claiming = false;
        synchronized (claimLock) { // a claim under way ends, and its attempts are in flight, before this returns
            LOG.debug("cluster node {} stopped claiming", node);
        }
    }

    /** @return attempts this node has claimed and not yet stored */
    int inFlight() {
        return inFlight.size();
    }

    /** @return true once no attempt of this node is running or waiting to be stored */
    boolean idle() {
        return inFlight.isEmpty() && ended.isEmpty();
    }

    void close() {
        stopped = true;
        wake();
        LockSupport.unpark(storer);
        housekeeping.interrupt();
        try {
            pump.join(TimeUnit.SECONDS.toMillis(10));
            storer.join(TimeUnit.SECONDS.toMillis(10));
            housekeeping.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
