package dev.supervisor.core.internal.engine;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskDeferredException;
import dev.supervisor.api.TaskTimeoutException;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.expr.ExpressionException;
import dev.supervisor.core.flow.TriggerDecision;
import dev.supervisor.core.flow.TriggerRules;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.internal.GraphArrays;
import dev.supervisor.core.internal.store.TaskTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The task state machine. Every method runs with the supervisor lock held; each change is stored before anything
 * acts on it, and undone if the store refuses it. Propagation uses an explicit stack so a million-task chain never
 * recurses.
 */
final class Transitions {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("dev.supervisor.core.Supervisor");
    final DefaultSupervisor sup;
    private static final TriggerRule[] RULES = TriggerRule.values();
    private static final byte ALWAYS = (byte) TriggerRule.ALWAYS.ordinal();
    private final IntStack stack = new IntStack(); // reused: only touched under the supervisor lock
    private final FanOutSteps fanOut = new FanOutSteps(this);
    private final ResumeSteps resume = new ResumeSteps(this);
    /** The row before the transition in progress (reused: only touched under the supervisor lock). */
    private final TaskTable undo = TaskTable.pending("undo", new String[] {"undo"});

    Transitions(DefaultSupervisor sup) {
        this.sup = sup;
    }

    /** Writes a whole record (the rare transitions); with a store it goes into the run's batch. */
    TaskRecord store(RunExecution run, TaskRecord next) {
        int i = next.index();
        if (sup.store != null) {
            staging(run, i).writes.add(next);
        }
        run.tasks.set(i, next);
        run.trackLastFinished(i);
        return next;
    }

    /*
     * The per-task transitions change the engine's row in place. Without a store that is all there is. With one,
     * begin() keeps the row as it was before the batch, persist() adds the new record to the run's batch (see
     * Staged), and the batch is stored before the lock is let go or an attempt launched; if the store refuses it,
     * every row of the batch is put back. Either way the engine never shows, and nothing outside the lock acts on, a
     * state the store does not have.
     */

    private TaskTable begin(RunExecution run, int i) {
        if (sup.store != null) {
            staging(run, i);
        }
        return run.tasks;
    }

    private void persist(RunExecution run, int i) {
        if (sup.store != null) {
            run.staged.writes.add(run.tasks.record(i));
        }
    }

    /** The run's batch, with task i's row as it was before the batch kept (call before changing the row). */
    private Staged staging(RunExecution run, int i) {
        Staged s = sup.staging(run);
        if (!s.before.containsKey(i)) {
            s.before.put(i, run.tasks.record(i));
        }
        return s;
    }

    /**
     * The run's new record, stored with the run's batch. A batch moves the run's version on once, however many
     * times the run changed in it (a run can start and end in one batch): the store checks the version before it.
     */
    void runChanged(RunExecution run, RunRecord next) {
        if (sup.store != null) {
            Staged s = sup.staging(run);
            if (s.run != null) {
                next = new RunRecord(next.runId(), next.workflowId(), next.status(), next.inputs(), next.createdAt(),
                        next.finishedAt(), s.run.version());
            }
            s.run = next;
        }
        run.runRecord = next;
    }

    /* ---- run start ---- */

    void start(RunExecution run, Deferred deferred) {
        Instant now = sup.clock.instant();
        run.status = RunStatus.RUNNING;
        run.startedAt = now;
        runChanged(run, run.runRecord.withStatus(RunStatus.RUNNING, null));
        sup.events.runStarted(run, now);
        run.workflow.timeout().ifPresent(t -> run.runTimeout = sup.delay.schedule(() -> sup.cancelRun(run, true), t));
        // Roots run; so do tasks whose rule fires before any upstream ends (always). The list is computed per spec.
        for (int i : run.initial) {
            if (run.state(i) == TaskState.PENDING && readyIfConditionHolds(run, i, now)) {
                propagate(run, i, now);
            }
        }
        checkDone(run, deferred);
    }

    void resume(RunExecution run, Deferred deferred) {
        resume.resume(run, deferred);
    }

    void makeReady(RunExecution run, int i, Instant now) {
        if (run.clustered && run.capFull()) {
            run.hold(i); // stays PENDING until one of the run's tasks in flight ends (cluster run cap)
            return;
        }
        Object item = run.fanOutItem(i);
        if (item != null) {
            begin(run, i).readyWith(i, item);
        } else {
            begin(run, i).to(i, TaskState.READY);
        }
        persist(run, i);
        run.markReady(i, now);
        if (run.clustered) {
            run.inFlight++; // any node claims it from the store
        } else {
            sup.enqueue(run, i);
        }
    }

    /** Starts held tasks while the run's cap has room (cluster mode). */
    void releaseHeld(RunExecution run, Instant now) {
        while (run.hasHeld() && !run.capFull() && run.decided() == null) {
            int i = run.nextHeld();
            if (run.state(i) == TaskState.PENDING) {
                makeReady(run, i, now);
            }
        }
    }

    /* ---- what other nodes did (cluster mode) ---- */

    /**
     * Applies task records stored by the workers (of any node) to a run this node drives, then does what a single
     * node does when an attempt ends: propagate, fail fast, finish the run. Their events were published by the
     * workers that made them.
     */
    void observed(RunExecution run, List<TaskRecord> records, Deferred deferred) {
        Instant now = sup.clock.instant();
        for (TaskRecord r : records) {
            int i = run.graph.indexOf(r.taskId());
            if (i < 0 || r.version() <= run.tasks.version(i) || run.state(i).isTerminal()) {
                continue;
            }
            TaskState before = run.state(i);
            run.tasks.set(i, r);
            if (before == TaskState.RUNNING) {
                run.runningCount--;
            }
            TaskState after = r.state();
            if (after == TaskState.RUNNING) {
                run.runningCount++;
            } else if (after.isTerminal()) {
                run.inFlight--;
                run.trackLastFinished(i);
                Duration took = r.startedAt() == null || r.finishedAt() == null ? Duration.ZERO
                        : Duration.between(r.startedAt(), r.finishedAt());
                settled(run, i, now, took, false);
                afterAttempt(run, i, r, now, took);
            } else if (after == TaskState.RETRY_WAIT && run.decided() != null) {
                stopOpen(run, i, now);
            }
        }
        releaseHeld(run, now);
        checkDone(run, deferred);
    }

    /** What follows a task's end that a worker stored. */
    private void afterAttempt(RunExecution run, int i, TaskRecord r, Instant now, Duration took) {
        switch (r.state()) {
            case SUCCEEDED -> {
                run.observedMillis += took.toMillis();
                run.observedEstimateMillis += run.estimateMillis[i];
                if (r.shortCircuited()) {
                    shortCircuit(run, i, now);
                } else {
                    run.branches[i] = branchIndices(run, i, r.branches());
                    propagate(run, i, now);
                }
            }
            case FAILED, TIMED_OUT -> {
                if (run.workflow.failureStrategy() == FailureStrategy.FAIL_FAST) {
                    failFast(run, now);
                } else {
                    propagate(run, i, now);
                }
            }
            default -> propagate(run, i, now); // after a stop only teardown tasks can still be waiting
        }
    }

    /** Maps selected branch ids to successor slots; a fan-out task stands for its instance slots. */
    static int[] branchIndices(RunExecution run, int v, List<String> ids) {
        if (ids == null) {
            return null;
        }
        java.util.List<Integer> picked = new java.util.ArrayList<>();
        for (String id : ids) {
            int s = run.graph.indexOf(id);
            if (s >= 0 && run.plan != null && run.plan.isCollector(s)) {
                for (int k = 0; k < run.plan.width[s]; k++) {
                    picked.add(run.plan.firstInstance[s] + k);
                }
            } else if (s >= 0) {
                picked.add(s);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A task that is waiting (PENDING, READY, RETRY_WAIT) in a run that was asked to stop. */
    private void stopOpen(RunExecution run, int i, Instant now) {
        if (run.teardown(i)) {
            return;
        }
        if (run.failing) {
            terminal(run, i, TaskState.SKIPPED, now, null, "skipped: run failed fast", Duration.ZERO);
        } else {
            terminal(run, i, TaskState.CANCELLED, now, null, run.timedOut ? "run timed out" : "run cancelled",
                    Duration.ZERO);
        }
    }

    /**
     * Cluster mode: no node claims tasks of the run from now on, the workers running its tasks are told to stop,
     * and the engine's view is brought up to date with what the workers stored meanwhile (counted, not acted on:
     * the run is stopping).
     */
    private void stopEverywhere(RunExecution run, RunStatus how) {
        RunStatus inForce = sup.cluster.claims.requestStop(run.runId, how);
        if (inForce != null && inForce != how) {
            run.redecide(inForce); // another node asked first; that request stands
        }
        sup.cluster.stopAttempts(run.runId);
        Instant now = sup.clock.instant();
        for (TaskRecord r : sup.store.tasks(run.runId)) {
            int i = run.graph.indexOf(r.taskId());
            if (i < 0 || r.version() <= run.tasks.version(i) || run.state(i).isTerminal()) {
                continue;
            }
            TaskState before = run.state(i);
            run.tasks.set(i, r);
            if (before == TaskState.RUNNING) {
                run.runningCount--;
            }
            if (r.state() == TaskState.RUNNING) {
                run.runningCount++;
            } else if (r.state().isTerminal()) {
                run.inFlight--;
                run.trackLastFinished(i);
                settled(run, i, now, Duration.ZERO, false);
            }
        }
    }

    /* ---- attempts ---- */

    Attempt startAttempt(RunExecution run, int i) {
        Instant now = sup.now();
        begin(run, i).claimed(i, sup.nodeId(), null, now);
        persist(run, i);
        int number = run.tasks.attempt(i);
        Attempt a = new Attempt(run, i, number, now, run.handlers[i]);
        run.running[i] = a;
        run.runningCount++;
        Duration timeout = run.timeouts == null ? null : run.timeouts[i];
        if (timeout != null) {
            a.timeoutHandle = sup.delay.schedule(() -> timeout(a), timeout);
        }
        sup.events.taskStarted(run, i, number, now);
        return a;
    }

    private void timeout(Attempt a) {
        // Runs on the delay scheduler: flag first, so the result is classified as a timeout whenever it arrives.
        a.timedOut = true;
        a.requestStop(sup.delay, sup.cancellationGrace());
    }

    void attemptEnded(Attempt a, Object output, Throwable failure, Deferred deferred) {
        RunExecution run = a.run;
        int i = a.index;
        if (run.running[i] != a) {
            return;
        }
        run.running[i] = null;
        run.runningCount--;
        sup.release(run, i);
        if (a.timeoutHandle != null) {
            a.timeoutHandle.cancel();
        }
        if (run.fenced) {
            return; // another node drives this run; its result is theirs to record
        }
        Instant now = a.endedAt();
        sup.ended(now);
        Duration took = now.equals(a.startedAt) ? Duration.ZERO : Duration.between(a.startedAt, now);
        run.endingReport = a.report();
        try {
            attemptResult(a, run, i, now, took, output, failure);
        } finally {
            run.endingReport = null;
        }
        checkDone(run, deferred);
    }

    private void attemptResult(Attempt a, RunExecution run, int i, Instant now, Duration took, Object output,
                               Throwable failure) {
        // The run's flags first: whether a task is a teardown task is read from its spec, a cache miss per task.
        if (a.cancelledByRun || (run.cancelRequested || run.timedOut) && !run.teardown(i)) {
            terminal(run, i, TaskState.CANCELLED, now, null, "cancelled", took);
            propagate(run, i, now); // only teardown tasks can still be waiting for it
        } else if (failure instanceof TaskDeferredException d && !a.timedOut && !run.failing) {
            Duration wait = d.notBefore().isAfter(now) ? Duration.between(now, d.notBefore()) : Duration.ZERO;
            begin(run, i).deferredTo(i, now.plus(wait), d.getMessage());
            persist(run, i);
            sup.events.taskRetrying(run, i, a.number, now, d.getMessage(), wait);
            long version = run.tasks.version(i);
            sup.delay.schedule(() -> sup.onRetryDue(run, i, version), wait);
        } else if (failure == null && !a.timedOut) {
            run.observedMillis += took.toMillis();
            run.observedEstimateMillis += run.estimateMillis[i];
            begin(run, i).succeeded(i, now, output, a.branchSelection, a.shortCircuit);
            persist(run, i);
            run.trackLastFinished(i);
            settled(run, i, now, took, true);
            if (a.shortCircuit) {
                shortCircuit(run, i, now);
            } else {
                run.branches[i] = branchIndices(run, i, a.branchSelection);
                propagate(run, i, now);
            }
        } else {
            TaskSpec spec = run.graph.task(i);
            Throwable cause = a.timedOut ? new TaskTimeoutException(spec.id(), spec.timeout().orElseThrow()) : failure;
            TaskState state = a.timedOut ? TaskState.TIMED_OUT : TaskState.FAILED;
            String error = describe(cause);
            logFailure(run.runId, spec.id(), a.number, cause, error);
            RetryPolicy policy = spec.retryPolicy();
            if (!run.failing && policy.shouldRetry(a.number, cause)) {
                Duration wait = sup.retryDelay(policy, a.number);
                begin(run, i).retryAt(i, now.plus(wait), error);
                persist(run, i);
                sup.events.taskRetrying(run, i, a.number, now, error, wait);
                long version = run.tasks.version(i);
                sup.delay.schedule(() -> sup.onRetryDue(run, i, version), wait);
            } else {
                terminal(run, i, state, now, null, error, took);
                if (run.workflow.failureStrategy() == FailureStrategy.FAIL_FAST) {
                    failFast(run, now);
                } else {
                    propagate(run, i, now);
                }
            }
        }
    }

    void retryDue(RunExecution run, int i, long version) {
        if (run.state(i) == TaskState.RETRY_WAIT && run.tasks.version(i) == version && !run.ended() && !run.fenced) {
            makeReady(run, i, sup.clock.instant());
        }
    }

    /* ---- terminal states and propagation ---- */

    void terminal(RunExecution run, int i, TaskState state, Instant now, Object output, String error,
                          Duration took) {
        TaskState before = run.state(i);
        if (run.clustered && (before == TaskState.READY || before == TaskState.RETRY_WAIT)) {
            run.inFlight--;
        }
        begin(run, i).finished(i, state, now, output, error);
        persist(run, i);
        run.trackLastFinished(i);
        settled(run, i, now, took, true);
    }

    /** Counts task i, which just became terminal, and tells listeners if this node made the change. */
    void settled(RunExecution run, int i, Instant now, Duration took, boolean publish) {
        TaskTable t = run.tasks;
        TaskState state = t.state(i);
        run.done++;
        if (state == TaskState.SUCCEEDED) {
            run.succeeded++;
        }
        run.remainingEstimateMillis -= run.estimateMillis[i];
        if (state.isFailure()) {
            run.failed++;
        }
        if (run.isHidden(i) || !publish) {
            return; // an unused fan-out slot (nobody should hear of it), or another node's transition
        }
        switch (state) {
            case SUCCEEDED -> sup.events.taskSucceeded(run, i, t.attempt(i), now, took);
            case FAILED, TIMED_OUT, UPSTREAM_FAILED -> sup.events.taskFailed(run, i, t.attempt(i), now, state, took,
                    t.error(i));
            case SKIPPED -> sup.events.taskSkipped(run, i, now, t.error(i));
            case CANCELLED -> sup.events.taskCancelled(run, i, t.attempt(i), now);
            default -> throw new IllegalStateException("not terminal: " + state);
        }
    }

    /** Decides every downstream task whose upstream just settled, iteratively. */
    void propagate(RunExecution run, int from, Instant now) {
        TaskGraph g = run.graph;
        int[] succ = GraphArrays.successors(g);
        stack.push(from);
        while (!stack.isEmpty()) {
            int v = stack.pop();
            TaskState sv = run.state(v);
            int[] chosen = run.branches[v];
            run.branches[v] = null;
            for (int e = g.successorStart(v); e < g.successorEnd(v); e++) {
                int s = succ[e];
                if (run.state(s) != TaskState.PENDING) {
                    continue;
                }
                run.pendingUpstream[s]--;
                if (run.plan != null && run.plan.isCollector(s)) {
                    if (run.pendingUpstream[s] == 0) {
                        fanOut.settleCollector(run, s, now);
                        stack.push(s);
                    }
                    continue;
                }
                if (run.rules[s] == ALWAYS) {
                    continue; // started with the run; its upstream tasks, and their edges, do not concern it
                }
                if (chosen != null && !contains(chosen, s)) {
                    terminal(run, s, TaskState.SKIPPED, now, null, "branch not taken by '" + g.id(v) + "'",
                            Duration.ZERO);
                    stack.push(s);
                    continue;
                }
                count(run, v, s, e, sv);
                run.readyCause = v;
                boolean settled = settle(run, s, now, null, v, sv);
                run.readyCause = -1;
                if (settled) {
                    stack.push(s);
                }
            }
        }
    }

    /**
     * Counts one settled upstream edge {@code v -> s} (successor slot {@code e}), seen through its condition. A
     * CUSTOM edge whose expression cannot be evaluated makes the downstream task fail with the evaluation error;
     * which error is kept does not depend on arrival order (the one from the first upstream in workflow order).
     */
    static void count(RunExecution run, int v, int s, int e, TaskState upstream) {
        byte kind = run.succKind == null ? EdgeKinds.SUCCESS : run.succKind[e];
        switch (kind) {
            case EdgeKinds.CUSTOM -> {
                run.customOpen[s]--;
                try {
                    if (run.flow.edgeBySuccSlot[e].test(FlowExpressions.edgeVariables(run, v, s))) {
                        run.upSucceeded[s]++;
                    } else {
                        run.upSkipped[s]++;
                    }
                } catch (ExpressionException ex) {
                    run.upFailed[s]++;
                    run.edgeFailed(s, v, "condition of the edge '" + run.graph.id(v) + "' -> '" + run.graph.id(s)
                            + "' failed: " + ex.reason() + " at " + ex.line() + ":" + ex.column());
                }
            }
            case EdgeKinds.FAILURE -> {
                if (upstream.isFailure()) {
                    run.upSucceeded[s]++;
                } else {
                    run.upSkipped[s]++;
                }
            }
            case EdgeKinds.COMPLETION -> {
                if (upstream == TaskState.SUCCEEDED || upstream.isFailure()) {
                    run.upSucceeded[s]++;
                } else {
                    run.upSkipped[s]++;
                }
            }
            default -> {
                switch (upstream) {
                    case SUCCEEDED -> run.upSucceeded[s]++;
                    case FAILED, TIMED_OUT -> run.upFailed[s]++;
                    case UPSTREAM_FAILED -> run.upUpstreamFailed[s]++;
                    default -> run.upSkipped[s]++;
                }
            }
        }
    }

    /** Applies the trigger rule; returns true if the task became terminal without running. */
    boolean settle(RunExecution run, int s, Instant now, String cause) {
        return settle(run, s, now, cause, -1, null);
    }

    /**
     * As {@link #settle(RunExecution, int, Instant, String)}, the cause being either given or, when null, "upstream
     * {@code v} ended {@code sv}" — built only if the task does not run (this is called once per edge).
     */
    private boolean settle(RunExecution run, int s, Instant now, String given, int v, TaskState sv) {
        if (run.plan != null && run.plan.isCollector(s)) {
            if (run.pendingUpstream[s] > 0) {
                return false;
            }
            fanOut.settleCollector(run, s, now);
            return true;
        }
        if (run.rules[s] == ALWAYS) {
            return readyIfConditionHolds(run, s, now);
        }
        if (run.customOpen != null && run.customOpen[s] > 0) {
            return false; // an edge expression still to be evaluated could fail the task, whatever the rule says
        }
        String edgeError = run.edgeError(s);
        if (edgeError != null) {
            terminal(run, s, TaskState.FAILED, now, null, edgeError, Duration.ZERO);
            if (run.workflow.failureStrategy() == FailureStrategy.FAIL_FAST) {
                failFast(run, now);
            }
            return true;
        }
        TriggerRule rule = RULES[run.rules[s]];
        TriggerDecision d = TriggerRules.decide(rule, run.upSucceeded[s], run.upFailed[s], run.upUpstreamFailed[s],
                run.upSkipped[s], run.graph.inDegree(s));
        switch (d) {
            case RUN -> {
                return readyIfConditionHolds(run, s, now);
            }
            case SKIP -> terminal(run, s, TaskState.SKIPPED, now, null, cause(run, given, v, sv)
                    + "; trigger rule " + rule.name().toLowerCase(java.util.Locale.ROOT) + " not met", Duration.ZERO);
            case UPSTREAM_FAILED -> terminal(run, s, TaskState.UPSTREAM_FAILED, now, null, cause(run, given, v, sv),
                    Duration.ZERO);
            default -> {
                return false;
            }
        }
        return d != TriggerDecision.RUN;
    }

    private static String cause(RunExecution run, String given, int v, TaskState sv) {
        return given != null ? given : "upstream '" + run.graph.id(v) + "' " + sv;
    }

    /**
     * Makes a task READY, or settles it when its condition says no (SKIPPED) or cannot be evaluated (FAILED).
     *
     * @return true if the task became terminal instead
     */
    boolean readyIfConditionHolds(RunExecution run, int s, Instant now) {
        run.becameReady(s);
        var cond = run.flow.conditions == null ? null : run.flow.conditions[s];
        if (cond != null) {
            boolean holds;
            try {
                holds = cond.test(FlowExpressions.taskVariables(run, s));
            } catch (ExpressionException e) {
                terminal(run, s, TaskState.FAILED, now, null, "condition failed: " + e.reason() + " at " + e.line()
                        + ":" + e.column(), Duration.ZERO);
                if (run.workflow.failureStrategy() == FailureStrategy.FAIL_FAST) {
                    failFast(run, now);
                }
                return true;
            }
            if (!holds) {
                terminal(run, s, TaskState.SKIPPED, now, null, "condition is false: " + cond.source(),
                        Duration.ZERO);
                return true;
            }
        }
        if (run.plan != null && run.plan.collectorOf[s] >= 0 && fanOut.gate(run, s, now)) {
            return true;
        }
        makeReady(run, s, now);
        return false;
    }

    /** Skips everything downstream of {@code v} that has not started, whatever its trigger rule. */
    private void shortCircuit(RunExecution run, int v, Instant now) {
        TaskGraph g = run.graph;
        int[] succ = GraphArrays.successors(g);
        boolean[] seen = new boolean[g.size()];
        IntStack todo = new IntStack();
        todo.push(v);
        while (!todo.isEmpty()) {
            int u = todo.pop();
            for (int e = g.successorStart(u); e < g.successorEnd(u); e++) {
                int s = succ[e];
                if (!seen[s]) {
                    seen[s] = true;
                    TaskState st = run.state(s);
                    if (st == TaskState.PENDING || st == TaskState.READY) {
                        terminal(run, s, TaskState.SKIPPED, now, null, "short-circuited by '" + g.id(v) + "'",
                                Duration.ZERO);
                    }
                    todo.push(s);
                }
            }
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    void failFast(RunExecution run, Instant now) {
        if (run.failing) {
            return;
        }
        run.failing = true;
        run.decide(RunStatus.FAILED);
        if (run.clustered) {
            stopEverywhere(run, RunStatus.FAILED);
        }
        for (int i = 0; i < run.graph.size(); i++) {
            TaskState s = run.state(i);
            if (run.teardown(i)) {
                continue; // clean-up still runs, when its trigger rule lets it
            }
            if (s == TaskState.PENDING || s == TaskState.READY || s == TaskState.RETRY_WAIT) {
                terminal(run, i, TaskState.SKIPPED, now, null, "skipped: run failed fast", Duration.ZERO);
            } else if (s == TaskState.RUNNING && run.running[i] != null) {
                run.running[i].cancelledByRun = true;
                run.running[i].requestStop(sup.delay, sup.cancellationGrace());
            }
        }
        settleTeardowns(run, now);
    }

    /**
     * After a stop settled many tasks at once without propagating: counts the upstream of each waiting teardown task
     * again from scratch, and decides it if its rule can.
     */
    private void settleTeardowns(RunExecution run, Instant now) {
        TaskGraph g = run.graph;
        int[] pred = GraphArrays.predecessors(g);
        int[] succ = GraphArrays.successors(g);
        for (int s = 0; s < g.size(); s++) {
            if (!run.teardown(s) || run.state(s) != TaskState.PENDING) {
                continue;
            }
            run.resetUpstreamCounts(s);
            for (int pe = g.predecessorStart(s); pe < g.predecessorEnd(s); pe++) {
                int v = pred[pe];
                int e = g.successorStart(v);
                while (succ[e] != s) {
                    e++;
                }
                TaskState sv = run.state(v);
                if (sv.isTerminal()) {
                    count(run, v, s, e, sv);
                } else {
                    run.pendingUpstream[s]++;
                }
            }
            if (settle(run, s, now, "upstream ended when the run stopped")) {
                propagate(run, s, now);
            }
        }
    }

    boolean cancel(RunExecution run, boolean timeout, Deferred deferred) {
        if (run.ended() || run.decided() != null) {
            return false; // the first decision stands: a run that failed fast is not turned into a cancelled one
        }
        run.decide(timeout ? RunStatus.TIMED_OUT : RunStatus.CANCELLED);
        if (timeout) {
            run.timedOut = true;
        } else {
            run.cancelRequested = true;
        }
        if (run.clustered) {
            stopEverywhere(run, timeout ? RunStatus.TIMED_OUT : RunStatus.CANCELLED);
        }
        Instant now = sup.clock.instant();
        for (int i = 0; i < run.graph.size(); i++) {
            TaskState s = run.state(i);
            if (run.teardown(i)) {
                continue; // clean-up still runs, when its trigger rule lets it
            }
            if (s == TaskState.PENDING || s == TaskState.READY || s == TaskState.RETRY_WAIT) {
                terminal(run, i, TaskState.CANCELLED, now, null, timeout ? "run timed out" : "run cancelled",
                        Duration.ZERO);
            } else if (s == TaskState.RUNNING && run.running[i] != null) {
                run.running[i].requestStop(sup.delay, sup.cancellationGrace());
            }
        }
        settleTeardowns(run, now);
        checkDone(run, deferred);
        return true;
    }

    void checkDone(RunExecution run, Deferred deferred) {
        if (run.done < run.graph.size() || run.ended() || run.fenced) {
            return;
        }
        Instant now = sup.clock.instant();
        if (run.decided() != null) {
            run.status = run.decided();
        } else if (run.failed > 0) {
            run.status = RunStatus.FAILED;
        } else {
            run.status = RunStatus.SUCCEEDED;
        }
        if (run.runTimeout != null) {
            run.runTimeout.cancel();
        }
        runChanged(run, run.runRecord.withStatus(run.status, now));
        sup.events.runFinished(run, now, run.succeeded);
        sup.runEnded(run);
        RunOutcome outcome = run.buildOutcome(now);
        if (sup.store != null) {
            sup.staging(run).outcome = outcome; // completed once the run's last changes are stored
            if (run.clustered) {
                deferred.add(() -> sup.cluster.claims.releaseRun(run.runId, sup.nodeId()));
            }
        } else {
            deferred.add(() -> run.outcome.complete(outcome));
        }
    }

    /** One WARN line per failed attempt, naming the run, the task and the attempt; the stack trace at DEBUG. */
    static void logFailure(String runId, String taskId, int attempt, Throwable cause, String error) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("run {} task '{}' attempt {} failed: {}", runId, taskId, attempt, error, cause);
        } else {
            LOG.warn("run {} task '{}' attempt {} failed: {}", runId, taskId, attempt, error);
        }
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        String line = t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }
}
