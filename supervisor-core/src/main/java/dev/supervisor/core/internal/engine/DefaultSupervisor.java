package dev.supervisor.core.internal.engine;

import dev.supervisor.api.JsonValues;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.SubmissionRejectedException;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.SupervisorStats;
import dev.supervisor.core.expr.ExpressionConfig;
import dev.supervisor.core.expr.ExpressionEngine;
import dev.supervisor.core.graph.WorkflowValidator;
import dev.supervisor.core.internal.event.DefaultEventBus;
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
import java.util.function.Consumer;
import java.util.function.Supplier;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.spi.StoredEvent;
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
    /** This supervisor's name: configured, or unique per instance (two supervisors from one config must differ). */
    private final String nodeId;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    final DelayScheduler delay;
    private final ScheduledExecutorService ownedScheduler;
    private final ExecutorService ownedEventExecutor;
    /** Where runs are kept, or null: without a store the engine's own tables are all there is (fastest). */
    final RunStore store;
    private final EventBus bus;
    final Events events;
    private final Map<TaskType, TaskHandler> handlers;
    final List<dev.supervisor.api.spi.AttemptInterceptor> interceptors;
    private final ReentrantLock lock = new ReentrantLock();
    /** Runs admitted and being stored, not yet active: submit stores a run outside the lock. */
    private final AtomicInteger admitting = new AtomicInteger();
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
    /** For reading stored runs (outcomes, cancels): handlers do not matter there. */
    private final Preparation readPreparation;
    private final Transitions transitions;
    private int globalRunning;
    /** The engine's time during this hold of the lock, once known (see {@link #now()}); null between holds. */
    private Instant holdNow;
    /** Runs with transitions staged during this hold of the lock (stores written in batches; see Staged). */
    private final List<RunExecution> stagedRuns = new ArrayList<>();
    private volatile boolean accepting = true;
    private final Object shutdownLock = new Object();
    private Boolean shutdownResult;
    /** Cluster mode: the node's claiming, leases and adoption; null in the other modes. */
    final Cluster cluster;
    /** Deliveries of stored events to {@link #follow} listeners and to handles on runs driven elsewhere. */
    private final Followers followers;

    /**
     * @param config the configuration
     */
    public DefaultSupervisor(SupervisorConfig config) {
        this.config = config;
        this.nodeId = config.nodeId().orElseGet(DefaultSupervisor::generatedNodeId);
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
        this.store = config.runStore().orElse(null);
        if (config.eventBus().isPresent()) {
            this.ownedEventExecutor = null;
            this.bus = config.eventBus().get();
        } else {
            this.ownedEventExecutor = Executors.newCachedThreadPool(daemon("supervisor-events"));
            this.bus = new DefaultEventBus(config.asyncEventQueueCapacity(), ownedEventExecutor);
        }
        this.events = new Events(bus, store != null
                && store.capability(dev.supervisor.api.spi.RunEventLog.class).isPresent());
        this.handlers = HandlerResolver.resolve(config.handlers(), config.discoverHandlers());
        this.interceptors = config.interceptors();
        // A cluster node may submit work only other nodes have handlers for; a single node must have them all.
        WorkflowValidator validator = config.cluster().isPresent() ? WorkflowValidator.of(t -> true)
                : WorkflowValidator.of(handlers.keySet());
        ExpressionEngine expressions = ExpressionEngine.create(ExpressionConfig.from(config.expressionConfig())
                .clock(clock).build());
        this.preparation = new Preparation(handlers, typeLimits, tagLimits, validator, expressions);
        this.readPreparation = config.cluster().isPresent() ? preparation : new Preparation(handlers, typeLimits,
                tagLimits, WorkflowValidator.of(t -> true), expressions);
        config.typeLimits().forEach((t, max) -> typeLimits.put(t, new Limit("type " + t, max)));
        config.tagLimits().forEach((t, max) -> tagLimits.put(t, new Limit("tag " + t, max)));
        this.random = new SplittableRandom(config.randomSeed());
        this.transitions = new Transitions(this);
        this.cluster = config.cluster().map(c -> new Cluster(this, store, c)).orElse(null);
        this.followers = store == null ? null : new Followers(this, store.capability(RunEventLog.class)
                .orElse(null), store);
        if (cluster != null) {
            cluster.start();
        }
    }

    /** The process id and a random part: unique on a host and across hosts, without a name lookup. */
    private static String generatedNodeId() {
        return "node-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
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
        if (store != null) {
            locked(() -> {
                checkAdmission(workflow);
                admitting.incrementAndGet(); // counts against maxActiveRuns while it is stored
                return null;
            });
            boolean stored = false;
            try {
                // Outside the lock: a large run takes a while to store, and the other runs need not wait for it.
                // Nothing of it can be claimed or changed before it is started below.
                if (cluster != null) {
                    cluster.claims.createRun(runRecord, workflow, tasks.records(), Claimables.of(p));
                    cluster.claims.ownRun(runId, nodeId(), cluster.lease());
                } else {
                    store.createRun(runRecord, workflow, tasks.records());
                }
                stored = true;
            } finally {
                if (!stored) {
                    admitting.decrementAndGet();
                }
            }
        }
        Deferred deferred = new Deferred();
        lock.lock();
        try {
            if (store == null) {
                checkAdmission(workflow);
            } else {
                admitting.decrementAndGet(); // admitted and stored: a shutdown that began meanwhile drains it
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

    private void checkAdmission(WorkflowSpec workflow) {
        if (!accepting) {
            throw new SubmissionRejectedException("supervisor is shutting down; run of workflow '"
                    + workflow.id() + "' rejected");
        }
        int runs = active.size() + admitting.get();
        if (runs >= config.maxActiveRuns()) {
            throw new SubmissionRejectedException("supervisor already has " + runs
                    + " active runs (maxActiveRuns=" + config.maxActiveRuns() + "); run of workflow '"
                    + workflow.id() + "' rejected");
        }
    }

    @Override
    public RunHandle resume(String runId) {
        WorkflowSpec workflow = requireStore("resume run " + runId).workflow(runId).orElseThrow(() ->
                new SupervisorException("no run " + runId + " in the store"));
        return resume(workflow, runId);
    }

    @Override
    public RunHandle resume(WorkflowSpec workflow, String runId) {
        if (cluster != null) {
            throw new SupervisorException("in cluster mode the nodes resume runs themselves (a run whose node died "
                    + "is taken over when its lease expires); use run(\"" + runId + "\") for a handle");
        }
        if (!accepting) {
            throw new SubmissionRejectedException("supervisor is shutting down; resume of run " + runId
                    + " rejected");
        }
        RunStore st = requireStore("resume run " + runId);
        Preparation.Prepared p = preparation.prepare(workflow);
        RunRecord stored = st.findRun(runId).orElseThrow(() -> new SupervisorException("no run " + runId
                + " in the store"));
        if (!stored.workflowId().equals(workflow.id())) {
            throw new SupervisorException("run " + runId + " belongs to workflow '" + stored.workflowId()
                    + "', not '" + workflow.id() + "'");
        }
        TaskTable table = TaskTable.of(runId, matchById(runId, workflow, p, st.tasks(runId)));
        RunExecution run = new RunExecution(this, runId, workflow, p, stored.inputs(), table, stored);
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

    /**
     * The stored tasks in the order of the workflow as given now, matched by id: a spec whose tasks are listed in
     * another order resumes the same run. Every stored task must be in the spec and the other way round.
     */
    private static List<TaskRecord> matchById(String runId, WorkflowSpec workflow, Preparation.Prepared p,
                                              List<TaskRecord> records) {
        TaskRecord[] byIndex = new TaskRecord[p.graph().size()];
        List<String> unknown = new ArrayList<>();
        for (TaskRecord r : records) {
            int i = p.graph().indexOf(r.taskId());
            if (i < 0) {
                unknown.add(r.taskId());
            } else {
                byIndex[i] = r.index() == i ? r : new TaskRecord(r.runId(), r.taskId(), i, r.state(), r.attempt(),
                        r.version(), r.leaseOwner(), r.leaseExpiry(), r.notBefore(), r.startedAt(), r.finishedAt(),
                        r.output(), r.error(), r.item(), r.branches(), r.shortCircuited());
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < byIndex.length; i++) {
            if (byIndex[i] == null) {
                missing.add(p.graph().id(i));
            }
        }
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new SupervisorException("run " + runId + " does not match workflow '" + workflow.id() + "'"
                    + (unknown.isEmpty() ? "" : ": the store has tasks the workflow lacks " + cap(unknown))
                    + (missing.isEmpty() ? "" : (unknown.isEmpty() ? ": " : "; ") + "the workflow has tasks the"
                    + " run lacks " + cap(missing)));
        }
        return java.util.Arrays.asList(byIndex);
    }

    private static String cap(List<String> ids) {
        return ids.size() <= 10 ? ids.toString() : ids.subList(0, 10) + " and " + (ids.size() - 10) + " more";
    }

    private RunStore requireStore(String what) {
        if (store == null) {
            throw new SupervisorException("cannot " + what + ": this supervisor has no run store (configure one "
                    + "with SupervisorConfig.builder().runStore(...))");
        }
        return store;
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

    /**
     * The time at which attempts start during this hold of the lock: the latest end of an attempt recorded in it
     * (each read by its worker before it asked for the lock), else one clock read per hold. Reading the clock for
     * every start and every end under the lock was a sixth of the engine's time on 100k no-op tasks.
     */
    Instant now() {
        Instant t = holdNow;
        if (t == null) {
            t = holdNow = clock.instant();
        }
        return t;
    }

    /** Notes the end of an attempt recorded in this hold: nothing starts in it before that. */
    void ended(Instant t) {
        if (holdNow == null || t.isAfter(holdNow)) {
            holdNow = t;
        }
    }

    /** The run's batch of changes for the store, started on the first change of this lock hold. */
    Staged staging(RunExecution run) {
        Staged s = run.staged;
        if (s == null) {
            s = run.staged = new Staged();
            stagedRuns.add(run);
        }
        return s;
    }

    /**
     * Stores the run's staged changes in one batch and then publishes their events (and completes the outcome of a
     * run that ended); if the store refuses or fails, puts the rows back and stops driving the run.
     *
     * @return whether the run's changes are all stored
     */
    boolean flush(RunExecution run, Deferred deferred) {
        Staged s = run.staged;
        if (s == null) {
            return true;
        }
        run.staged = null;
        try {
            store.apply(new dev.supervisor.api.spi.RunChanges(run.runId, nodeId(), s.writes, s.run, s.events));
        } catch (RuntimeException e) {
            s.before.forEach(run.tasks::set);
            fenced(run, e, deferred);
            return false;
        }
        events.publishStaged(s.events);
        if (s.outcome != null) {
            RunOutcome outcome = s.outcome;
            deferred.add(() -> run.outcome.complete(outcome));
        }
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
                holdNow = null;
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
                    holdNow = null;
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

    /* ---- what the cluster side needs of the engine ---- */

    int maxConcurrency() {
        return config.maxConcurrency();
    }

    Executor executor() {
        return executor;
    }

    java.util.Set<TaskType> handlerTypes() {
        return handlers.keySet();
    }

    boolean typeFull(TaskType type, int running) {
        Integer max = config.typeLimits().get(type);
        return max != null && running >= max;
    }

    /** @return whether any task type or tag has a cap on this node */
    boolean capped() {
        return !config.typeLimits().isEmpty() || !config.tagLimits().isEmpty();
    }

    java.util.Set<String> cappedTags() {
        return config.tagLimits().keySet();
    }

    boolean tagFull(String tag, int running) {
        Integer max = config.tagLimits().get(tag);
        return max != null && running >= max;
    }

    RunExecution active(String runId) {
        return active.get(runId);
    }

    /** @return what running tasks of a stored workflow on this node needs (see {@link Preparation#forWorkers}) */
    Work forWorkers(WorkflowSpec workflow) {
        return preparation.forWorkers(workflow);
    }

    /** Applies records another node (or this node's worker side) stored for a run this node drives. */
    void observe(String runId, List<TaskRecord> records) {
        RunExecution run = active.get(runId);
        if (run == null || records.isEmpty()) {
            return;
        }
        Deferred deferred = new Deferred();
        lock.lock();
        try {
            if (!run.fenced && !run.ended()) {
                try {
                    transitions.observed(run, records, deferred);
                } catch (StaleVersionException e) {
                    fenced(run, e, deferred);
                }
            }
        } finally {
            unlock(deferred);
        }
        deferred.run();
    }

    /** @return the runs this node drives now, taken before asking the store which runs it owns */
    List<RunExecution> driving() {
        return new ArrayList<>(active.values());
    }

    /**
     * The runs the store says this node owns, with their stop requests: runs driven before the store was asked
     * that are not among them were taken over (this node was cut off too long); a stop request from another node is
     * applied here. Runs that became active after the store was asked are left for the next renewal: one submitted
     * meanwhile is owned in the store before it is active, but the answer may predate it.
     */
    void ownedRuns(List<RunExecution> driving, Map<String, RunStatus> owned) {
        for (RunExecution run : driving) {
            if (active.get(run.runId) != run) {
                continue; // ended, or handed over meanwhile
            }
            if (!owned.containsKey(run.runId)) {
                LOG.warn("run {} was taken over by another node; this node stops driving it", run.runId);
                locked(() -> {
                    handOver(run);
                    return null;
                });
                continue;
            }
            RunStatus stop = owned.get(run.runId);
            if (stop != null && run.decided() == null) {
                if (stop == RunStatus.FAILED) {
                    locked(() -> {
                        transitions.failFast(run, clock.instant());
                        transitions.checkDone(run, new Deferred());
                        return null;
                    });
                } else {
                    cancelRun(run, stop == RunStatus.TIMED_OUT);
                }
            }
        }
    }

    /**
     * Reads a run this node is taking over (its node died or left), without taking the engine's lock: for a large run
     * this is most of the takeover, and the node goes on with its other runs meanwhile. {@link #activate} makes it
     * this node's and drives it from where it is.
     */
    RunExecution loadForAdoption(String runId) {
        WorkflowSpec workflow = store.workflow(runId).orElseThrow(() -> new SupervisorException("no workflow of run "
                + runId));
        Preparation.Prepared p = preparation.prepare(workflow);
        RunRecord stored = store.findRun(runId).orElseThrow(() -> new SupervisorException("no run " + runId));
        return new RunExecution(this, runId, workflow, p, stored.inputs(), TaskTable.of(runId,
                matchById(runId, workflow, p, store.tasks(runId))), stored);
    }

    /** Makes a run read by {@link #loadForAdoption} one this node drives, and resumes it. */
    void activate(RunExecution run) {
        Deferred deferred = new Deferred();
        lock.lock();
        try {
            if (active.containsKey(run.runId)) {
                return;
            }
            active.put(run.runId, run);
            transitions.resume(run, deferred);
        } finally {
            unlock(deferred);
        }
        deferred.run();
        LOG.info("node {} took over run {}", nodeId(), run.runId);
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
        return nodeId;
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
    public Optional<RunHandle> run(String runId) {
        RunExecution r = active.get(runId);
        if (r != null) {
            return Optional.of(r);
        }
        RunExecution done = locked(() -> finished.get(runId));
        if (done != null) {
            return Optional.of(done);
        }
        if (store == null || store.findRun(runId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredRunHandle(this, runId));
    }

    @Override
    public dev.supervisor.api.RunPage runs(dev.supervisor.api.RunQuery query) {
        java.util.Objects.requireNonNull(query, "query");
        if (store != null) {
            return store.runs(query);
        }
        List<RunRecord> all = locked(() -> {
            List<RunRecord> out = new ArrayList<>(active.size() + finished.size());
            active.values().forEach(r -> out.add(r.runRecord));
            finished.values().forEach(r -> out.add(r.runRecord));
            return out;
        });
        return dev.supervisor.api.RunPage.select(all, query);
    }

    @Override
    public Subscription follow(String runId, long afterSequence, Consumer<StoredEvent> listener) {
        if (followers == null || !followers.hasLog()) {
            throw new SupervisorException("cannot follow run " + runId + ": " + (store == null ? "this supervisor "
                    + "has no run store" : "its run store keeps no event log (RunEventLog)"));
        }
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence must not be negative but was " + afterSequence);
        }
        return followers.follow(runId, afterSequence, java.util.Objects.requireNonNull(listener, "listener"));
    }

    /** Completes {@code outcome} when the stored run ends (a run driven by another node, or taken over). */
    void watch(String runId, java.util.concurrent.CompletableFuture<RunOutcome> outcome) {
        followers.watch(runId, outcome); // a run driven elsewhere is always a stored one
    }

    /** Cancels a stored run that no supervisor drives (with a store but not in cluster mode). */
    boolean cancelStored(String runId) {
        RunRecord r = store.findRun(runId).orElse(null);
        if (r == null || r.status().isTerminal()) {
            return false;
        }
        Instant now = clock.instant();
        Preparation.Prepared p = store.workflow(runId).map(readPreparation::prepare).orElse(null);
        List<TaskRecord> changes = new ArrayList<>();
        List<dev.supervisor.api.event.SupervisorEvent> evs = new ArrayList<>();
        for (TaskRecord t : store.tasks(runId)) {
            if (!t.state().isTerminal()) {
                changes.add(t.finished(TaskState.CANCELLED, now, null, "run cancelled"));
                if (p != null) {
                    evs.add(Events.cancelled(new RunView(runId, r.workflowId(), p.work(), r.inputs(), null),
                            p.graph().indexOf(t.taskId()), t.attempt(), now));
                }
            }
        }
        evs.add(new dev.supervisor.api.event.RunFinished(runId, r.workflowId(), now, RunStatus.CANCELLED,
                Duration.between(r.createdAt(), now), 0, 0));
        try {
            store.apply(new dev.supervisor.api.spi.RunChanges(runId, nodeId(), changes, r.withStatus(RunStatus.CANCELLED, now),
                    evs));
            return true;
        } catch (StaleVersionException e) {
            return false; // a supervisor still drives it, or it moved on meanwhile
        }
    }

    /** The outcome of a stored run that ended. */
    RunOutcome storedOutcome(String runId) {
        RunRecord rec = store.findRun(runId).orElseThrow(() -> new SupervisorException("no run " + runId));
        WorkflowSpec wf = store.workflow(runId).orElseThrow(() -> new SupervisorException("no workflow of run "
                + runId));
        Preparation.Prepared p = readPreparation.prepare(wf);
        TaskTable table = TaskTable.of(runId, matchById(runId, wf, p, store.tasks(runId)));
        RunExecution view = new RunExecution(this, runId, wf, p, rec.inputs(), table, rec);
        view.status = rec.status();
        view.startedAt = rec.createdAt();
        view.hideUnusedSlots();
        return view.buildOutcome(rec.finishedAt() == null ? clock.instant() : rec.finishedAt());
    }

    @Override
    public EventBus events() {
        return bus;
    }

    @Override
    public SupervisorStats stats() {
        return locked(() -> new Stats(active.size(),
                globalRunning + (cluster == null ? 0 : cluster.inFlight()), ready.size(), config.maxConcurrency(),
                accepting));
    }

    private record Stats(int activeRuns, int runningAttempts, int queuedTasks, int maxConcurrency, boolean accepting)
            implements SupervisorStats {
    }

    @Override
    public boolean shutdown(Duration deadline) {
        synchronized (shutdownLock) { // a second call (close after shutdown) waits for the first and drains nothing
            if (shutdownResult == null) {
                shutdownResult = drainAndStop(deadline);
            }
            return shutdownResult;
        }
    }

    private boolean drainAndStop(Duration deadline) {
        accepting = false;
        long admitEnd = System.nanoTime() + deadline.toNanos();
        while (admitting.get() > 0 && System.nanoTime() < admitEnd) {
            // runs admitted before the shutdown are being stored; they become active and are drained with the rest
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        boolean clean = cluster == null ? drainLocal(deadline) : drainCluster(deadline);
        if (followers != null) {
            followers.close();
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

    /**
     * A cluster node leaves: it stops claiming, lets its attempts finish within the deadline (the rest go back to
     * the queue for other nodes), and hands the runs it drives over to the other nodes.
     */
    private boolean drainCluster(Duration deadline) {
        cluster.stopClaiming();
        long end = System.nanoTime() + deadline.toNanos();
        while (!cluster.idle() && System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        boolean clean = cluster.idle();
        if (!clean) {
            cluster.abandonInFlight();
        }
        List<RunExecution> owned = new ArrayList<>(active.values());
        for (RunExecution run : owned) {
            locked(() -> {
                handOver(run);
                return null;
            });
            cluster.claims.releaseRun(run.runId, nodeId());
        }
        cluster.close();
        return clean;
    }

    /** Stops driving a run here; its handle keeps following it through the store. */
    private void handOver(RunExecution run) {
        if (run.fenced || run.ended()) {
            return;
        }
        run.fenced = true;
        active.remove(run.runId);
        if (run.runTimeout != null) {
            run.runTimeout.cancel();
        }
        watch(run.runId, run.outcome);
    }

    private boolean drainLocal(Duration deadline) {
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
        return clean;
    }

    @Override
    public void close() {
        shutdown(config.shutdownDeadline());
    }
}
