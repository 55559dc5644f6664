package dev.supervisor.core.internal.engine;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskTimeoutException;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.expr.ExpressionException;
import dev.supervisor.core.flow.TriggerDecision;
import dev.supervisor.core.flow.TriggerRules;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.internal.store.TaskTable;
import java.time.Duration;
import java.time.Instant;

/**
 * The task state machine. Every method runs with the supervisor lock held; each change is stored before anything
 * acts on it, and undone if the store refuses it. Propagation uses an explicit stack so a million-task chain never
 * recurses.
 */
final class Transitions {
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

    /** Writes a whole record (the rare transitions): at once with the in-memory store, else with the run's batch. */
    TaskRecord store(RunExecution run, TaskRecord next) {
        int i = next.index();
        TaskRecord r;
        if (sup.rows == null) {
            staging(run, i).writes.add(next);
            r = next;
        } else {
            r = sup.store.update(next);
        }
        run.tasks.set(i, r);
        run.trackLastFinished(i);
        return r;
    }

    /*
     * The per-task transitions change the engine's row in place and then persist it. With the in-memory store the
     * row is written at once: begin() keeps the old row, persist() writes the new one and, if the store refuses
     * (fenced), puts the old one back. Any other store is written in batches: begin() keeps the row as it was
     * before the batch, persist() stages the new record (see Staged), and the batch is stored before the lock is
     * let go or an attempt launched; if the store refuses it, every row of the batch is put back. Either way the
     * engine never shows, and nothing outside the lock acts on, a state the store does not have.
     */

    private TaskTable begin(RunExecution run, int i) {
        if (sup.rows == null) {
            staging(run, i);
        } else {
            undo.copyRow(0, run.tasks, i);
        }
        return run.tasks;
    }

    private void persist(RunExecution run, int i) {
        if (sup.rows == null) {
            run.staged.writes.add(run.tasks.record(i));
            return;
        }
        try {
            sup.rows.write(run.tasks, i);
        } catch (RuntimeException e) {
            run.tasks.copyRow(i, undo, 0);
            throw e;
        }
    }

    /** The run's batch, with task i's row as it was before the batch kept (call before changing the row). */
    private Staged staging(RunExecution run, int i) {
        Staged s = run.staged;
        if (s == null) {
            s = run.staged = new Staged();
            sup.staged(run);
        }
        if (!s.before.containsKey(i)) {
            s.before.put(i, run.tasks.record(i));
        }
        return s;
    }

    /* ---- run start ---- */

    void start(RunExecution run, Deferred deferred) {
        Instant now = sup.clock.instant();
        run.status = RunStatus.RUNNING;
        run.startedAt = now;
        run.runRecord = run.runRecord.withStatus(RunStatus.RUNNING, null);
        sup.store.updateRun(run.runRecord);
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
        begin(run, i).to(i, TaskState.READY);
        persist(run, i);
        run.markReady(i, now);
        sup.enqueue(run, i);
    }

    /* ---- attempts ---- */

    Attempt startAttempt(RunExecution run, int i) {
        Instant now = sup.clock.instant();
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
        Instant now = sup.clock.instant();
        Duration took = now.equals(a.startedAt) ? Duration.ZERO : Duration.between(a.startedAt, now);
        if (a.cancelledByRun || run.cancelRequested || run.timedOut) {
            terminal(run, i, TaskState.CANCELLED, now, null, "cancelled", took);
        } else if (failure == null && !a.timedOut) {
            run.observedMillis += took.toMillis();
            run.observedEstimateMillis += run.estimateMillis[i];
            terminal(run, i, TaskState.SUCCEEDED, now, output, null, took);
            if (a.shortCircuit) {
                shortCircuit(run, i, now);
            } else {
                run.branches[i] = a.branchSelection;
                propagate(run, i, now);
            }
        } else {
            TaskSpec spec = run.graph.task(i);
            Throwable cause = a.timedOut ? new TaskTimeoutException(spec.id(), spec.timeout().orElseThrow()) : failure;
            TaskState state = a.timedOut ? TaskState.TIMED_OUT : TaskState.FAILED;
            String error = describe(cause);
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
        checkDone(run, deferred);
    }

    void retryDue(RunExecution run, int i, long version) {
        if (run.state(i) == TaskState.RETRY_WAIT && run.tasks.version(i) == version && !run.ended() && !run.fenced) {
            makeReady(run, i, sup.clock.instant());
        }
    }

    /* ---- terminal states and propagation ---- */

    void terminal(RunExecution run, int i, TaskState state, Instant now, Object output, String error,
                          Duration took) {
        begin(run, i).finished(i, state, now, output, error);
        persist(run, i);
        run.trackLastFinished(i);
        settled(run, i, now, took);
    }

    /** Counts task i, which just became terminal, and tells listeners. */
    void settled(RunExecution run, int i, Instant now, Duration took) {
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
        if (run.isHidden(i)) {
            return; // an unused fan-out slot: nobody should hear of it
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
        int[] succ = g.successorArray();
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
                if (settle(run, s, now, null, v, sv)) {
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
        int[] succ = g.successorArray();
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
        run.failing = true;
        run.decide(RunStatus.FAILED);
        for (int i = 0; i < run.graph.size(); i++) {
            TaskState s = run.state(i);
            if (s == TaskState.PENDING || s == TaskState.READY || s == TaskState.RETRY_WAIT) {
                terminal(run, i, TaskState.SKIPPED, now, null, "skipped: run failed fast", Duration.ZERO);
            } else if (s == TaskState.RUNNING && run.running[i] != null) {
                run.running[i].cancelledByRun = true;
                run.running[i].requestStop(sup.delay, sup.cancellationGrace());
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
        Instant now = sup.clock.instant();
        for (int i = 0; i < run.graph.size(); i++) {
            TaskState s = run.state(i);
            if (s == TaskState.PENDING || s == TaskState.READY || s == TaskState.RETRY_WAIT) {
                terminal(run, i, TaskState.CANCELLED, now, null, timeout ? "run timed out" : "run cancelled",
                        Duration.ZERO);
            } else if (s == TaskState.RUNNING && run.running[i] != null) {
                run.running[i].requestStop(sup.delay, sup.cancellationGrace());
            }
        }
        checkDone(run, deferred);
        return true;
    }

    void checkDone(RunExecution run, Deferred deferred) {
        if (run.done < run.graph.size() || run.ended() || !sup.flush(run, deferred)) {
            return; // the run's status is stored only after its tasks' last transitions are
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
        run.runRecord = run.runRecord.withStatus(run.status, now);
        sup.store.updateRun(run.runRecord);
        sup.events.runFinished(run, now, run.succeeded);
        sup.runEnded(run);
        var outcome = run.buildOutcome(now);
        deferred.add(() -> run.outcome.complete(outcome));
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        String line = t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }
}
