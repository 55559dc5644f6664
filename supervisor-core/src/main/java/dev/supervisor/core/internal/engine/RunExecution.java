package dev.supervisor.core.internal.engine;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunProgress;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskOutcome;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.internal.GraphArrays;
import dev.supervisor.core.internal.store.TaskTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The live state of one run. Mutable fields are guarded by the owning supervisor's lock; the handle methods take
 * that lock for a consistent snapshot.
 */
final class RunExecution implements RunHandle {
    final DefaultSupervisor supervisor;
    final String runId;
    final WorkflowSpec workflow;
    final TaskGraph graph;
    final Map<String, Object> inputs;
    final TaskHandler[] handlers;
    final Limit[][] limits;
    final long[] rank;
    final long[] estimateMillis;
    final byte[] priorities;
    /** Per-attempt timeouts, or null when no task has one. */
    final Duration[] timeouts;
    final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
    final Preparation.Prepared prepared;
    /** Made on first use (single-node runs never need it); immutable, so a racing second copy does no harm. */
    private RunView view;
    /** Driven in cluster mode: ready tasks are stored for any node to claim instead of being started here. */
    final boolean clustered;
    /** Cluster mode: the run's tasks that are READY, RUNNING or RETRY_WAIT (what the run cap bounds). */
    int inFlight;
    /** Cluster mode: tasks ready to run but held back by the run cap, best first. */
    private java.util.PriorityQueue<Integer> held;

    /** Task state as columns; every change is stored before anything acts on it (see {@code Transitions}). */
    final TaskTable tasks;
    /** Trigger-rule ordinals per task: read for every edge, so kept beside the other per-task arrays. */
    final byte[] rules;
    final int[] pendingUpstream;
    final int[] upSucceeded;
    final int[] upFailed;
    final int[] upUpstreamFailed;
    final int[] upSkipped;
    /** Per task: CUSTOM in-edges whose upstream has not settled (null when the workflow has none). */
    final int[] customOpen;
    /** Per task: the failed evaluation of a CUSTOM in-edge, from the first such upstream in workflow order. */
    private String[] edgeError;
    private int[] edgeErrorFrom;
    /** The run's end, once decided by a fail-fast, a cancel or the run timeout; the first decision stands. */
    private RunStatus decided;
    final byte[] succKind;
    final FlowExpressions flow;
    final FanOutPlan plan;
    /** Tasks that may start as soon as the run does. */
    final int[] initial;
    /** Per collector: the evaluated items, or why they could not be had. */
    final List<?>[] fanItems;
    final String[] fanError;
    /** Unused fan-out slots: settled, but not part of the run as users see it. */
    final boolean[] hidden;
    int hiddenCount;
    /** Direct successors chosen by a branch task (null: all), kept until its downstream is settled. */
    final int[][] branches;
    final Attempt[] running;
    /** When each task last became READY, as epoch second and nano (primitives: no object kept per task). */
    private final long[] readySecond;
    private final int[] readyNano;
    RunRecord runRecord;
    private int lastFinished = -1;
    /** Per task: the order in which tasks completed an attempt (1, 2, …; 0: not completed). */
    private final int[] completedOrder;
    private int completions;
    /** Per task: the upstream whose end made it ready (what it waited for), or -1. */
    private final int[] readyBy;
    /** While an attempt's end is recorded: what its handler reported (for its events), else null. */
    dev.supervisor.api.spi.AttemptReport endingReport;
    /** While propagating from a task: that task (the cause of what becomes ready meanwhile), else -1. */
    int readyCause = -1;
    RunStatus status = RunStatus.PENDING;
    Instant startedAt;
    int done;
    int succeeded;
    int runningCount;
    int failed;
    boolean failing;
    boolean cancelRequested;
    boolean timedOut;
    boolean fenced;
    long remainingEstimateMillis;
    long observedMillis;
    long observedEstimateMillis;
    DelayScheduler.Cancellable runTimeout;
    /** Transitions not yet stored, while the store is written in batches; null when there are none. */
    Staged staged;

    RunExecution(DefaultSupervisor supervisor, String runId, WorkflowSpec workflow, Preparation.Prepared p,
                 Map<String, Object> inputs, TaskTable tasks, RunRecord runRecord) {
        this.supervisor = supervisor;
        this.runId = runId;
        this.workflow = workflow;
        this.prepared = p;
        this.clustered = supervisor.cluster != null;
        this.graph = p.graph();
        this.inputs = inputs;
        this.handlers = p.handlers();
        this.limits = p.limits();
        this.rank = p.rank();
        this.estimateMillis = p.estimates();
        this.priorities = p.priorities();
        this.timeouts = p.timeouts();
        this.tasks = tasks;
        this.completedOrder = new int[tasks.size()];
        this.readyBy = new int[tasks.size()];
        java.util.Arrays.fill(readyBy, -1);
        // A run read back from a store: its tasks completed in the order of their end times (ties: workflow order).
        // Only tasks that ran are sorted: a new run has none, and boxing every index cost 2 MB per 100k tasks.
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.ran(i)) {
                ran.add(i);
            }
        }
        ran.sort(tasks::compareFinished);
        for (int i : ran) {
            trackLastFinished(i);
        }
        this.rules = p.rules();
        this.initial = p.initial();
        this.runRecord = runRecord;
        int n = graph.size();
        this.pendingUpstream = new int[n];
        this.upSucceeded = new int[n];
        this.upFailed = new int[n];
        this.upUpstreamFailed = new int[n];
        this.upSkipped = new int[n];
        this.customOpen = p.customIn() == null ? null : p.customIn().clone();
        this.succKind = p.succKind();
        this.flow = p.flow();
        this.plan = p.plan();
        this.fanItems = plan == null ? null : new List<?>[graph.size()];
        this.fanError = plan == null ? null : new String[graph.size()];
        this.hidden = plan == null ? null : new boolean[graph.size()];
        this.branches = new int[n][];
        this.running = new Attempt[n];
        this.readySecond = new long[n];
        java.util.Arrays.fill(readySecond, Long.MIN_VALUE);
        this.readyNano = new int[n];
        for (int i = 0; i < n; i++) {
            pendingUpstream[i] = graph.inDegree(i);
            remainingEstimateMillis += estimateMillis[i];
        }
    }

    void edgeFailed(int task, int upstream, String message) {
        if (edgeError == null) {
            edgeError = new String[graph.size()];
            edgeErrorFrom = new int[graph.size()];
        }
        if (edgeError[task] == null || upstream < edgeErrorFrom[task]) {
            edgeError[task] = message;
            edgeErrorFrom[task] = upstream;
        }
    }

    /** @return why a CUSTOM in-edge of the task could not be evaluated, or null */
    String edgeError(int task) {
        return edgeError == null ? null : edgeError[task];
    }

    /** @return what a cluster worker needs to run this run's tasks on this node (one per run, not per task) */
    RunView view() {
        RunView v = view;
        if (v == null) {
            v = new RunView(runId, workflow.id(), prepared.work(), inputs, this);
            view = v;
        }
        return v;
    }

    /** @return the fan-out element of an instance slot (its items are evaluated by then), else null */
    Object fanOutItem(int i) {
        if (plan == null || plan.instanceNo[i] < 0) {
            return null;
        }
        List<?> items = fanItems[plan.collectorOf[i]];
        int no = plan.instanceNo[i];
        return items == null || no >= items.size() ? null : items.get(no);
    }

    boolean capFull() {
        return workflow.maxConcurrency() > 0 && inFlight >= workflow.maxConcurrency();
    }

    void hold(int i) {
        if (held == null) {
            // Highest priority first, then most remaining work, then workflow order: the engine's start order.
            held = new java.util.PriorityQueue<>((a, b) -> priorities[a] != priorities[b]
                    ? Integer.compare(priorities[b], priorities[a]) : rank[a] != rank[b]
                    ? Long.compare(rank[b], rank[a]) : Integer.compare(a, b));
        }
        held.add(i);
    }

    boolean hasHeld() {
        return held != null && !held.isEmpty();
    }

    int nextHeld() {
        return held.poll();
    }

    /** Another node's stop request came first: it decides the run's end. */
    void redecide(RunStatus end) {
        decided = end;
        failing = end == RunStatus.FAILED;
        cancelRequested = end == RunStatus.CANCELLED;
        timedOut = end == RunStatus.TIMED_OUT;
    }

    /** Marks the unused fan-out slots of a run read back from a store (their stored reason names them). */
    void hideUnusedSlots() {
        if (hidden == null) {
            return;
        }
        for (int i = 0; i < tasks.size(); i++) {
            if (!hidden[i] && tasks.state(i) == TaskState.SKIPPED && FanOutSteps.UNUSED_SLOT.equals(tasks.error(i))) {
                hidden[i] = true;
                hiddenCount++;
            }
        }
    }

    /** @return whether task i is a teardown task (runs even after the run stopped) */
    boolean teardown(int i) {
        return graph.task(i).teardown();
    }

    /** Forgets what was counted of task i's upstream (to count it again). */
    void resetUpstreamCounts(int s) {
        pendingUpstream[s] = 0;
        upSucceeded[s] = 0;
        upFailed[s] = 0;
        upUpstreamFailed[s] = 0;
        upSkipped[s] = 0;
        if (customOpen != null) {
            customOpen[s] = prepared.customIn()[s];
        }
        if (edgeError != null) {
            edgeError[s] = null;
        }
    }

    void decide(RunStatus end) {
        if (decided == null) {
            decided = end;
        }
    }

    RunStatus decided() {
        return decided;
    }

    void markReady(int i, Instant now) {
        readySecond[i] = now.getEpochSecond();
        readyNano[i] = now.getNano();
    }

    /** @return when task i last became READY, or null if it never did in this process */
    Instant readyAt(int i) {
        return readySecond[i] == Long.MIN_VALUE ? null : Instant.ofEpochSecond(readySecond[i], readyNano[i]);
    }

    boolean isHidden(int i) {
        return hidden != null && hidden[i];
    }

    /** @return task i as a record (made on each call: for the paths that are not per task) */
    TaskRecord record(int i) {
        return tasks.record(i);
    }

    /** Keeps the task that ran and finished last (ties: later index), where the actual critical path ends. */
    /**
     * Notes a task that became terminal: if it completed an attempt (SUCCEEDED, FAILED, TIMED_OUT — not a task
     * skipped, or cancelled mid-way), it is the latest to have done so.
     */
    void trackLastFinished(int i) {
        TaskState s = tasks.state(i);
        if (completedOrder[i] == 0 && tasks.ran(i) && (s == TaskState.SUCCEEDED || s == TaskState.FAILED
                || s == TaskState.TIMED_OUT)) {
            completedOrder[i] = ++completions;
            lastFinished = i;
        }
    }

    void becameReady(int i) {
        readyBy[i] = readyCause;
    }

    TaskState state(int i) {
        return tasks.state(i);
    }

    boolean ended() {
        return status.isTerminal();
    }

    /* ---- RunHandle ---- */

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public WorkflowSpec workflow() {
        return workflow;
    }

    @Override
    public RunStatus status() {
        return supervisor.locked(() -> status);
    }

    @Override
    public Map<String, TaskState> taskStates() {
        return supervisor.locked(() -> {
            Map<String, TaskState> m = new LinkedHashMap<>();
            for (int i = 0; i < tasks.size(); i++) {
                if (!isHidden(i)) {
                    m.put(tasks.id(i), tasks.state(i));
                }
            }
            return Collections.unmodifiableMap(m);
        });
    }

    @Override
    public RunProgress progress() {
        return supervisor.locked(() -> new Results.Progress(tasks.size() - hiddenCount, done - hiddenCount,
                runningCount, failed, eta()));
    }

    /** Remaining estimated work, scaled by how observed durations compared with estimates, over the parallelism. */
    private Optional<Duration> eta() {
        if (status.isTerminal()) {
            return Optional.of(Duration.ZERO);
        }
        double ratio = observedEstimateMillis == 0 ? 1.0 : (double) observedMillis / observedEstimateMillis;
        int width = Math.max(1, runningCount);
        return Optional.of(Duration.ofMillis((long) (remainingEstimateMillis * ratio / width)));
    }

    @Override
    public CompletableFuture<RunOutcome> outcome() {
        return outcome;
    }

    @Override
    public boolean cancel() {
        return supervisor.cancelRun(this, false);
    }

    /* ---- outcome ---- */

    RunOutcome buildOutcome(Instant finishedAt) {
        // Shared, not copied: every task is terminal now, and nothing changes a terminal task of an ended run.
        Map<String, TaskOutcome> outcomes = new OutcomeMap(tasks, graph, hidden == null ? null : hidden.clone(),
                hiddenCount);
        return new Results.Run(runId, workflow.id(), status, outcomes, startedAt, finishedAt, actualCriticalPath());
    }

    /**
     * Walks back from the last task to complete an attempt, each time to the upstream whose end made the task
     * ready (when that one completed an attempt), else to the upstream that completed last.
     */
    private List<String> actualCriticalPath() {
        List<String> path = new ArrayList<>();
        int[] pred = GraphArrays.predecessors(graph);
        int v = lastFinished;
        while (v >= 0) {
            path.add(tasks.id(v));
            int by = readyBy[v];
            boolean waitedForIt = by >= 0 && completedOrder[by] > 0;
            int next = waitedForIt ? by : -1;
            for (int e = graph.predecessorStart(v); !waitedForIt && e < graph.predecessorEnd(v); e++) {
                int p = pred[e];
                if (completedOrder[p] > 0 && (next < 0 || completedOrder[p] > completedOrder[next])) {
                    next = p;
                }
            }
            v = next;
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }

    @Override
    public String toString() {
        return "Run{" + runId + ", workflow=" + workflow.id() + ", status=" + status + "}";
    }
}
