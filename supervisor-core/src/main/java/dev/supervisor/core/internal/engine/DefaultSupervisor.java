package dev.supervisor.core.internal.engine;

import dev.supervisor.api.JsonValues;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.SubmissionRejectedException;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.expr.ExpressionConfig;
import dev.supervisor.core.expr.ExpressionEngine;
import dev.supervisor.core.graph.WorkflowValidator;
import dev.supervisor.core.internal.event.DefaultEventBus;
import dev.supervisor.core.internal.store.RowStore;
import dev.supervisor.core.internal.store.TaskTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine. One lock guards all scheduling state (ready queue, caps, per-run arrays); handlers run outside it on
 * the executor, and workers hand their results over without waiting for it (see {@code unlock}). Every task
 * transition is written to the {@link RunStore} before it becomes visible.
 */
public final class DefaultSupervisor implements Supervisor {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSupervisor.class);
    final Clock clock;
    private final SupervisorConfig config;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    final DelayScheduler delay;
    private final ScheduledExecutorService ownedScheduler;
    private final ExecutorService ownedEventExecutor;
    final RunStore store;
    /** The store's row interface when it has one (the in-memory store): no record per transition. */
    final RowStore rows;
    private final EventBus bus;
    final Events events;
    private final Map<TaskType, TaskHandler> handlers;
    private final ReentrantLock lock = new ReentrantLock();
    /** Attempts whose result waits to be recorded (see {@code unlock}). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Attempt> completions =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final ReadyQueue ready = new ReadyQueue();
    private final Map<TaskType, Limit> typeLimits = new HashMap<>();
    private final Map<String, Limit> tagLimits = new HashMap<>();
    private final ConcurrentHashMap<String, RunExecution> active = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, RunExecution> finished = new LinkedHashMap<>();
    private final SplittableRandom random;
    private final Preparation preparation;
    private final Transitions transitions;
    private int globalRunning;
    /** Runs with transitions staged during this hold of the lock (stores written in batches; see Staged). */
    private final List<RunExecution> stagedRuns = new ArrayList<>();
    private volatile boolean accepting = true;

    /**
     * @param config the configuration
     */
    public DefaultSupervisor(SupervisorConfig config) {
        this.config = config;
        this.clock = config.clock();
        this.ownedExecutor = config.executor().isPresent() ? null : workerPool(config.maxConcurrency());
        this.executor = config.executor().orElse(ownedExecutor);
        if (config.delayScheduler().isPresent()) {
            this.ownedScheduler = null;
            this.delay = config.delayScheduler().get();
        } else {
            ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, daemon("supervisor-timer"));
            s.setRemoveOnCancelPolicy(true);
            this.ownedScheduler = s;
            this.delay = (action, d) -> {
                var f = s.schedule(action, d.toNanos(), TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            };
        }
        this.store = config.runStore().orElseGet(RunStores::inMemory);
        this.rows = store instanceof RowStore r ? r : null;
        if (config.eventBus().isPresent()) {
            this.ownedEventExecutor = null;
            this.bus = config.eventBus().get();
        } else {
            this.ownedEventExecutor = Executors.newCachedThreadPool(daemon("supervisor-events"));
            this.bus = new DefaultEventBus(config.asyncEventQueueCapacity(), ownedEventExecutor);
        }
        this.events = new Events(bus);
        this.handlers = HandlerResolver.resolve(config.handlers(), config.discoverHandlers());
        this.preparation = new Preparation(handlers, typeLimits, tagLimits, WorkflowValidator.of(handlers::containsKey),
                ExpressionEngine.create(ExpressionConfig.from(config.expressionConfig()).clock(clock).build()));
        config.typeLimits().forEach((t, max) -> typeLimits.put(t, new Limit("type " + t, max)));
        config.tagLimits().forEach((t, max) -> tagLimits.put(t, new Limit("tag " + t, max)));
        this.random = new SplittableRandom(config.randomSeed());
        this.transitions = new Transitions(this);
    }

    private static ExecutorService workerPool(int size) {
        // Never more attempts in flight than maxConcurrency, so the queue stays bounded by construction.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon("supervisor-worker"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /* ---- submit ---- */

    @Override
    public RunHandle submit(WorkflowSpec workflow, Map<String, ?> inputs) {
        if (!accepting) {
            throw new SubmissionRejectedException("supervisor is shutting down; run of workflow '" + workflow.id()
                    + "' rejected");
        }
        Map<String, Object> in = JsonValues.copyObject("inputs of workflow '" + workflow.id() + "'", inputs);
        Preparation.Prepared p = preparation.prepare(workflow);
        String runId = UUID.randomUUID().toString();
        TaskTable tasks = TaskTable.pending(runId, p.ids());
        Instant now = clock.instant();
        RunRecord runRecord = new RunRecord(runId, workflow.id(), RunStatus.PENDING, in, now, null, 0);
        RunExecution run = new RunExecution(this, runId, workflow, p, in, tasks, runRecord);
        Deferred deferred = new Deferred();
        lock.lock();
        try {
            if (!accepting) {
                throw new SubmissionRejectedException("supervisor is shutting down; run of workflow '"
                        + workflow.id() + "' rejected");
            }
            if (active.size() >= config.maxActiveRuns()) {
                throw new SubmissionRejectedException("supervisor already has " + active.size()
                        + " active runs (maxActiveRuns=" + config.maxActiveRuns() + "); run of workflow '"
                        + workflow.id() + "' rejected");
            }
            if (rows != null) {
                rows.createRun(runRecord, tasks);
            } else {
                store.createRun(runRecord, tasks.records());
            }
            active.put(runId, run);
            transitions.start(run, deferred);
            dispatch(deferred);
        } finally {
            unlock(deferred);
        }
        deferred.run();
        return run;
    }

    @Override
    public RunHandle resume(WorkflowSpec workflow, String runId) {
        if (!accepting) {
            throw new SubmissionRejectedException("supervisor is shutting down; resume of run " + runId
                    + " rejected");
        }
        Preparation.Prepared p = preparation.prepare(workflow);
        RunRecord stored = store.findRun(runId).orElseThrow(() -> new SupervisorException("no run " + runId
                + " in the store"));
        if (!stored.workflowId().equals(workflow.id())) {
            throw new SupervisorException("run " + runId + " belongs to workflow '" + stored.workflowId()
                    + "', not '" + workflow.id() + "'");
        }
        List<TaskRecord> records = store.tasks(runId);
        if (records.size() != p.graph().size()) {
            throw new SupervisorException("run " + runId + " has " + records.size() + " tasks in the store but"
                    + " workflow '" + workflow.id() + "' has " + p.graph().size());
        }
        for (int i = 0; i < records.size(); i++) {
            if (!records.get(i).taskId().equals(p.graph().id(i))) {
                throw new SupervisorException("task #" + i + " of run " + runId + " is '" + records.get(i).taskId()
                        + "' in the store but '" + p.graph().id(i) + "' in workflow '" + workflow.id() + "'");
            }
        }
        RunExecution run = new RunExecution(this, runId, workflow, p, stored.inputs(), TaskTable.of(runId, records),
                stored);
        Deferred deferred = new Deferred();
        lock.lock();
        try {
            if (active.containsKey(runId)) {
                throw new SupervisorException("run " + runId + " is already active in this supervisor");
            }
            active.put(runId, run);
            transitions.resume(run, deferred);
            dispatch(deferred);
        } finally {
            unlock(deferred);
        }
        deferred.run();
        return run;
    }

    /* ---- dispatch (lock held) ---- */

    void enqueue(RunExecution run, int i) {
        ready.add(run, i);
    }

    void dispatch(Deferred deferred) {
        dispatch(deferred, false);
    }

    /**
     * Starts ready tasks while slots are free. With {@code keepFirst}, the first started attempt is returned for
     * the calling worker to run itself instead of being handed to the executor.
     */
    Attempt dispatch(Deferred deferred, boolean keepFirst) {
        Attempt kept = null;
        while (globalRunning < config.maxConcurrency()) {
            if (ready.isEmpty()) {
                break;
            }
            RunExecution run = ready.topRun();
            int i = ready.topIndex();
            if (run.fenced || run.state(i) != TaskState.READY) {
                ready.removeTop();
                wakeFreeCaps(run.limits[i]);
                continue;
            }
            Limit blocked = null;
            for (Limit l : run.limits[i]) {
                if (l.full()) {
                    blocked = l;
                    break;
                }
            }
            if (blocked != null) {
                ready.moveTopTo(blocked.parked);
                wakeFreeCaps(run.limits[i]);
                continue;
            }
            ready.removeTop();
            Attempt a;
            try {
                a = transitions.startAttempt(run, i);
            } catch (StaleVersionException e) {
                fenced(run, e, deferred);
                wakeFreeCaps(run.limits[i]);
                continue;
            }
            for (Limit l : run.limits[i]) {
                l.running++;
            }
            globalRunning++;
            if (keepFirst && kept == null) {
                kept = a;
            } else {
                deferred.launch(a);
            }
        }
        return kept;
    }

    void launch(Attempt a) {
        try {
            executor.execute(a);
        } catch (RejectedExecutionException e) {
            onAttemptEnd(a, null, e, false);
        }
    }

    /**
     * Frees a task's slots. Each cap sends back only the first of its waiting tasks — one per freed slot — so a
     * cap with thousands waiting costs about the same per task as one with none (sending all of them back on every
     * release made 20k tasks behind a cap of 2 take seconds instead of milliseconds: see BENCHMARKS.md).
     */
    void release(RunExecution run, int i) {
        globalRunning--;
        for (Limit l : run.limits[i]) {
            l.running--;
            if (!l.parked.isEmpty()) {
                l.parked.moveTopTo(ready);
            }
        }
    }

    /**
     * A task taken from the queue that does not start (parked on another cap, or no longer ready) leaves the
     * slot it was sent back for unused: send the next waiting task of each of its caps that has room.
     */
    private void wakeFreeCaps(Limit[] limits) {
        for (Limit l : limits) {
            if (!l.full() && !l.parked.isEmpty()) {
                l.parked.moveTopTo(ready);
            }
        }
    }

    /* ---- callbacks ---- */

    /**
     * Records an attempt's result and starts what became ready.
     *
     * @return an attempt the calling worker should run next, or null
     */
    Attempt onAttemptEnd(Attempt a, Object output, Throwable failure, boolean wantNext) {
        a.result(output, failure);
        Attempt mine = a;
        if (!lock.tryLock()) {
            completions.add(a);
            // Try once more: a holder that let go between our two tries may not have seen the queued result.
            if (!lock.tryLock()) {
                return null; // the holder records it before it lets go of the lock (see unlock)
            }
            mine = null; // it is in the queue now
        }
        Deferred deferred = new Deferred();
        Attempt next;
        try {
            if (mine != null) {
                record(mine, deferred);
            }
            next = recordCompletions(deferred, wantNext);
        } finally {
            unlock(deferred);
        }
        deferred.run();
        return next;
    }

    /** Records every queued result and starts what became ready (lock held). */
    private Attempt recordCompletions(Deferred deferred, boolean wantNext) {
        Attempt c;
        while ((c = completions.poll()) != null) {
            record(c, deferred);
        }
        return dispatch(deferred, wantNext);
    }

    private void record(Attempt c, Deferred deferred) {
        try {
            transitions.attemptEnded(c, c.output(), c.failure(), deferred);
        } catch (StaleVersionException e) {
            fenced(c.run, e, deferred);
        } catch (RuntimeException e) {
            // Queued results of other workers must still be recorded (a bug here must not stall them too).
            LOG.error("recording the result of task '{}' in run {} failed", c.task().id(), c.run.runId, e);
        }
    }

    void staged(RunExecution run) {
        stagedRuns.add(run);
    }

    /**
     * Stores the run's staged transitions in one batch and then publishes their events; if the store refuses or
     * fails, puts the rows back and stops driving the run.
     *
     * @return whether the run's transitions are all stored
     */
    boolean flush(RunExecution run, Deferred deferred) {
        Staged s = run.staged;
        if (s == null) {
            return true;
        }
        run.staged = null;
        try {
            store.updateAll(s.writes);
        } catch (RuntimeException e) {
            s.before.forEach(run.tasks::set);
            fenced(run, e, deferred);
            return false;
        }
        events.publishStaged(s.events);
        return true;
    }

    /** Stores every staged batch (lock held; a listener may stage more meanwhile, hence the loop). */
    private void flushAll(Deferred deferred) {
        while (!stagedRuns.isEmpty()) {
            flush(stagedRuns.remove(stagedRuns.size() - 1), deferred);
        }
    }

    /**
     * Releases the lock. Workers never wait for it (flat combining): one that finds it held queues its result and
     * goes back to running tasks, and whoever holds the lock records the queue before letting go. Checking after
     * the release closes the gap where a result is queued just as the holder finishes.
     */
    private void unlock(Deferred deferred) {
        while (true) {
            try {
                flushAll(deferred); // nothing leaves the lock, and no attempt is launched, before it is stored
            } finally {
                lock.unlock();
            }
            if (completions.isEmpty() || !lock.tryLock()) {
                return;
            }
            boolean recorded = false;
            try {
                recordCompletions(deferred, false);
                recorded = true;
            } finally {
                if (!recorded) {
                    lock.unlock(); // never leave the lock held on the way out of a failure
                }
            }
        }
    }

    void onRetryDue(RunExecution run, int i, long version) {
        Deferred deferred = new Deferred();
        lock.lock();
        try {
            try {
                transitions.retryDue(run, i, version);
            } catch (StaleVersionException e) {
                fenced(run, e, deferred);
            }
            dispatch(deferred);
        } finally {
            unlock(deferred);
        }
        deferred.run();
    }

    boolean cancelRun(RunExecution run, boolean timeout) {
        Deferred deferred = new Deferred();
        boolean changed;
        lock.lock();
        try {
            changed = transitions.cancel(run, timeout, deferred);
            dispatch(deferred);
        } finally {
            unlock(deferred);
        }
        deferred.run();
        return changed;
    }

    /**
     * The store holds a newer version than this node: another node (or a resumed supervisor) drives the run now.
     * Stop driving it here, and fail its outcome future with the fencing error. The same when the store fails to
     * take a batch of the run's transitions for good (its rows are back as the store has them).
     */
    private void fenced(RunExecution run, RuntimeException e, Deferred deferred) {
        if (run.fenced) {
            return;
        }
        run.fenced = true;
        active.remove(run.runId);
        for (Attempt a : run.running) {
            if (a != null) {
                a.requestStop(delay, config.cancellationGrace());
            }
        }
        if (run.runTimeout != null) {
            run.runTimeout.cancel();
        }
        if (e instanceof StaleVersionException) {
            LOG.warn("run {} was taken over elsewhere; this node stops driving it: {}", run.runId, e.getMessage());
        } else {
            LOG.error("storing transitions of run {} failed; this node stops driving it", run.runId, e);
        }
        deferred.add(() -> run.outcome.completeExceptionally(e));
    }

    void runEnded(RunExecution run) {
        active.remove(run.runId);
        if (config.retainedFinishedRuns() > 0) {
            finished.put(run.runId, run);
            if (finished.size() > config.retainedFinishedRuns()) {
                String eldest = finished.keySet().iterator().next();
                finished.remove(eldest);
            }
        }
    }

    double nextRandom() {
        return random.nextDouble();
    }

    Duration retryDelay(RetryPolicy p, int attempt) {
        return p.delayAfter(attempt, this::nextRandom);
    }

    Duration cancellationGrace() {
        return config.cancellationGrace();
    }

    String nodeId() {
        return config.nodeId();
    }

    <T> T locked(Supplier<T> s) {
        Deferred deferred = new Deferred();
        T result;
        lock.lock();
        try {
            result = s.get();
        } finally {
            unlock(deferred);
        }
        deferred.run();
        return result;
    }

    /* ---- queries and lifecycle ---- */

    @Override
    public Optional<RunHandle> find(String runId) {
        RunExecution r = active.get(runId);
        if (r != null) {
            return Optional.of(r);
        }
        return locked(() -> Optional.ofNullable(finished.get(runId)));
    }

    @Override
    public EventBus events() {
        return bus;
    }

    @Override
    public boolean shutdown(Duration deadline) {
        accepting = false;
        List<CompletableFuture<?>> outcomes = new ArrayList<>();
        active.values().forEach(r -> outcomes.add(r.outcome()));
        boolean clean = true;
        try {
            CompletableFuture.allOf(outcomes.toArray(new CompletableFuture<?>[0]))
                    .get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            clean = false;
            active.values().forEach(r -> cancelRun(r, false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
            active.values().forEach(r -> cancelRun(r, false));
        } catch (java.util.concurrent.ExecutionException e) {
            clean = false;
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        if (ownedScheduler != null) {
            ownedScheduler.shutdown();
        }
        if (ownedEventExecutor != null) {
            ownedEventExecutor.shutdown();
        }
        return clean;
    }

    @Override
    public void close() {
        shutdown(config.shutdownDeadline());
    }
}
