package dev.supervisor.core.internal.engine;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.internal.GraphArrays;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * One attempt of a task claimed from the store in cluster mode: the handler's context and the runnable handed to
 * the executor. Its result goes back to the {@link Cluster}, which stores the task's next state; the run's owner
 * (maybe another node) decides what follows.
 */
final class ClaimedAttempt implements TaskContext, Runnable {
    final Cluster cluster;
    final RunView view;
    final int index;
    final int number;
    final java.time.Instant startedAt;
    private final TaskHandler handler;
    /** The task as this node last stored it (heartbeats move the version on); guarded by this. */
    private TaskRecord record;
    private boolean ending;
    private volatile boolean cancelled;
    volatile boolean timedOut;
    /** The run was asked to stop (fail-fast, cancel, run timeout): the attempt ends CANCELLED. */
    volatile boolean stoppedByRun;
    /** Another node has the task now: whatever this attempt produces is dropped. */
    volatile boolean leaseLost;
    DelayScheduler.Cancellable timeoutHandle;
    private Thread thread;
    private boolean finished;
    private Map<String, Object> upstream;
    private volatile List<String> branches;
    private volatile boolean shortCircuit;
    private Object output;
    private volatile dev.supervisor.api.spi.AttemptReport report;
    private Throwable failure;
    /** How long the attempt ran on its worker, in nanoseconds (0 if it never ran). */
    private long ranNanos;

    ClaimedAttempt(Cluster cluster, RunView view, TaskRecord claimed, java.time.Instant startedAt) {
        this.cluster = cluster;
        this.view = view;
        this.index = claimed.index();
        this.number = claimed.attempt();
        this.record = claimed;
        this.startedAt = startedAt;
        this.handler = view.work().handler(index);
    }

    @Override
    public void run() {
        synchronized (this) {
            thread = Thread.currentThread();
        }
        MDC.put("runId", view.runId());
        MDC.put("taskId", task().id());
        long began = System.nanoTime();
        try {
            if (!cancelled) {
                Object raw = Interceptors.run(cluster.interceptors(), this, handler);
                output = Outputs.of(task().id(), raw);
            }
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) {
                throw vme;
            }
            failure = t;
        } finally {
            MDC.remove("runId");
            MDC.remove("taskId");
            synchronized (this) {
                thread = null;
                finished = true;
            }
            Thread.interrupted();
        }
        ranNanos = Math.max(1, System.nanoTime() - began);
        cluster.attemptEnded(this);
    }

    synchronized TaskRecord record() {
        return record;
    }

    /**
     * The record the result is written over; from now on heartbeats leave the task alone (a heartbeat between
     * reading the record and writing the result would move the version on and make the result look fenced).
     */
    synchronized TaskRecord ending() {
        ending = true;
        return record;
    }

    long ranNanos() {
        return ranNanos;
    }

    synchronized boolean isEnding() {
        return ending;
    }

    synchronized void record(TaskRecord r) {
        record = r;
    }

    Object output() {
        return output;
    }

    Throwable failure() {
        return failure;
    }

    List<String> branches() {
        return branches;
    }

    boolean shortCircuited() {
        return shortCircuit;
    }

    /** Cooperative stop now; interrupt after the grace period if the handler is still running. */
    void requestStop(DelayScheduler scheduler, Duration grace) {
        cancelled = true;
        try {
            scheduler.schedule(this::interruptIfRunning, grace);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            interruptIfRunning(); // the scheduler has shut down: no grace
        }
    }

    private synchronized void interruptIfRunning() {
        if (thread != null && !finished) {
            thread.interrupt();
        }
    }

    @Override
    public String runId() {
        return view.runId();
    }

    @Override
    public String workflowId() {
        return view.workflowId();
    }

    @Override
    public TaskSpec task() {
        return view.work().task(index);
    }

    @Override
    public int attempt() {
        return number;
    }

    @Override
    public String idempotencyKey() {
        return view.runId() + ":" + task().id();
    }

    @Override
    public Map<String, Object> inputs() {
        return view.inputs();
    }

    /** Read from the store on first use: most handlers never ask. */
    @Override
    public synchronized Map<String, Object> upstreamOutputs() {
        if (upstream == null && task().dependencies().isEmpty()) {
            upstream = Map.of(); // edges come from dependencies: without any, no need for the graph
        }
        if (upstream == null) {
            TaskGraph g = view.work().graph();
            int[] pred = GraphArrays.predecessors(g);
            List<String> ids = new ArrayList<>();
            for (int e = g.predecessorStart(index); e < g.predecessorEnd(index); e++) {
                ids.add(g.id(pred[e]));
            }
            Map<String, Object> byId = new LinkedHashMap<>();
            if (!ids.isEmpty()) {
                Map<String, TaskRecord> found = new LinkedHashMap<>();
                for (TaskRecord r : cluster.upstream(view, ids)) {
                    found.put(r.taskId(), r);
                }
                for (String id : ids) {
                    TaskRecord r = found.get(id);
                    if (r != null && r.state() == TaskState.SUCCEEDED) {
                        byId.put(id, r.output());
                    }
                }
            }
            upstream = Collections.unmodifiableMap(byId);
        }
        return upstream;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public Clock clock() {
        return cluster.clock();
    }

    @Override
    public Optional<Object> fanOutItem() {
        return fanOutIndex() < 0 ? Optional.empty() : Optional.ofNullable(record().item());
    }

    @Override
    public int fanOutIndex() {
        FanOutPlan plan = view.work().plan();
        return plan == null ? -1 : plan.instanceNo[index];
    }

    @Override
    public void selectBranches(Collection<String> taskIds) {
        TaskGraph g = view.work().graph();
        List<String> picked = new ArrayList<>();
        for (String id : taskIds) {
            int s = g.indexOf(id);
            boolean direct = false;
            for (int e = g.successorStart(index); s >= 0 && e < g.successorEnd(index); e++) {
                direct |= g.successor(e) == s;
            }
            FanOutPlan plan = view.work().plan();
            if (!direct && !(s >= 0 && plan != null && plan.isCollector(s))) {
                throw new IllegalArgumentException("task '" + task().id() + "' can only select its direct downstream"
                        + " tasks as branches, and '" + id + "' is not one of them");
            }
            picked.add(id);
        }
        branches = List.copyOf(picked);
    }

    @Override
    public void report(dev.supervisor.api.spi.AttemptReport report) {
        this.report = java.util.Objects.requireNonNull(report, "report");
    }

    dev.supervisor.api.spi.AttemptReport report() {
        return report;
    }

    @Override
    public void shortCircuit() {
        shortCircuit = true;
    }
}
