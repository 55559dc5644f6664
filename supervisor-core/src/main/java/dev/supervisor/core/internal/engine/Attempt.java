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
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;

/**
 * One attempt of one task: the handler's context and the runnable handed to the executor.
 */
final class Attempt implements TaskContext, Runnable {
    final RunExecution run;
    final int index;
    final int number;
    final Instant startedAt;
    private final TaskHandler handler;
    private volatile boolean cancelled;
    volatile boolean timedOut;
    volatile boolean cancelledByRun;
    DelayScheduler.Cancellable timeoutHandle;
    private Thread thread;
    private boolean finished;
    private Map<String, Object> upstream;
    volatile List<String> branchSelection;
    volatile boolean shortCircuit;
    // The result, set by the worker before the attempt is queued for recording (the queue publishes it).
    private Object output;
    private volatile dev.supervisor.api.spi.AttemptReport report;
    private Throwable failure;
    private Instant endedAt;

    Attempt(RunExecution run, int index, int number, Instant startedAt, TaskHandler handler) {
        this.run = run;
        this.index = index;
        this.number = number;
        this.startedAt = startedAt;
        this.handler = handler;
    }

    /**
     * Runs this attempt, then keeps the thread busy with the next ready task the supervisor hands back, so a
     * worker thread moves from task to task without an executor hand-off in between.
     */
    @Override
    public void run() {
        Attempt a = this;
        while (a != null) {
            a = a.runOnce();
        }
    }

    private Attempt runOnce() {
        synchronized (this) {
            thread = Thread.currentThread();
        }
        Object output = null;
        Throwable failure = null;
        MDC.put("runId", run.runId);
        MDC.put("taskId", run.tasks.id(index));
        try {
            if (!cancelled) {
                Object raw = Interceptors.run(run.supervisor.interceptors, this, handler);
                output = Outputs.of(run.tasks.id(index), raw); // not task().id(): a cache miss per task
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
            // A late interrupt aimed at this attempt must not leak into the pool thread's next task.
            Thread.interrupted();
        }
        return run.supervisor.onAttemptEnd(this, output, failure, true);
    }

    /** Keeps the result and when the attempt ended (read here, on the worker: not under the engine's lock). */
    void result(Object output, Throwable failure) {
        this.output = output;
        this.failure = failure;
        this.endedAt = run.supervisor.clock.instant();
    }

    Instant endedAt() {
        return endedAt;
    }

    Object output() {
        return output;
    }

    Throwable failure() {
        return failure;
    }

    /** Cooperative stop now; interrupt after the grace period if the handler is still running. */
    void requestStop(DelayScheduler scheduler, java.time.Duration grace) {
        cancelled = true;
        scheduler.schedule(this::interruptIfRunning, grace);
    }

    private synchronized void interruptIfRunning() {
        if (thread != null && !finished) {
            thread.interrupt();
        }
    }

    @Override
    public String runId() {
        return run.runId;
    }

    @Override
    public String workflowId() {
        return run.workflow.id();
    }

    @Override
    public TaskSpec task() {
        return run.graph.task(index);
    }

    @Override
    public int attempt() {
        return number;
    }

    @Override
    public String idempotencyKey() {
        return run.runId + ":" + task().id();
    }

    @Override
    public Map<String, Object> inputs() {
        return run.inputs;
    }

    @Override
    public synchronized Map<String, Object> upstreamOutputs() {
        if (upstream == null) {
            TaskGraph g = run.graph;
            int[] pred = GraphArrays.predecessors(g);
            Map<String, Object> m = new LinkedHashMap<>();
            for (int e = g.predecessorStart(index); e < g.predecessorEnd(index); e++) {
                TaskRecord r = run.record(pred[e]);
                if (r.state() == TaskState.SUCCEEDED) {
                    m.put(r.taskId(), r.output());
                }
            }
            upstream = Collections.unmodifiableMap(m);
        }
        return upstream;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public Clock clock() {
        return run.supervisor.clock;
    }

    @Override
    public java.util.Optional<Object> fanOutItem() {
        int no = fanOutIndex();
        if (no < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(run.tasks.item(index)); // stored when the slot became READY
    }

    @Override
    public int fanOutIndex() {
        return run.plan == null ? -1 : run.plan.instanceNo[index];
    }

    @Override
    public void selectBranches(java.util.Collection<String> taskIds) {
        TaskGraph g = run.graph;
        java.util.List<String> picked = new java.util.ArrayList<>();
        for (String id : taskIds) {
            int s = g.indexOf(id);
            boolean collector = s >= 0 && run.plan != null && run.plan.isCollector(s);
            boolean direct = false;
            for (int e = g.successorStart(index); s >= 0 && !collector && e < g.successorEnd(index); e++) {
                direct |= g.successor(e) == s;
            }
            if (!direct && !collector) {
                throw new IllegalArgumentException("task '" + task().id() + "' can only select its direct downstream"
                        + " tasks as branches, and '" + id + "' is not one of them");
            }
            picked.add(id); // selecting a fan-out task selects its instance slots (see Transitions.branchIndices)
        }
        branchSelection = List.copyOf(picked);
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
