package dev.supervisor.core.internal.engine;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.internal.GraphArrays;
import java.time.Duration;
import java.time.Instant;

/**
 * Picks a stored run up again after a restart: rebuilds counters from the stored states and re-queues whatever
 * was in flight. Called with the supervisor lock held.
 */
final class ResumeSteps {
    private final Transitions t;

    ResumeSteps(Transitions t) {
        this.t = t;
    }

    /** Rebuilds the in-memory view of a stored run and re-queues whatever was in flight. */
    void resume(RunExecution run, Deferred deferred) {
        Instant now = t.sup.clock.instant();
        run.startedAt = run.runRecord.createdAt();
        TaskGraph g = run.graph;
        int n = g.size();
        boolean failedForGood = false;
        for (int i = 0; i < n; i++) {
            TaskState s = run.state(i);
            if (s.isTerminal()) {
                run.done++;
                if (s == TaskState.SUCCEEDED) {
                    run.succeeded++;
                }
                run.remainingEstimateMillis -= run.estimateMillis[i];
                if (s.isFailure()) {
                    run.failed++;
                }
                failedForGood |= s == TaskState.FAILED || s == TaskState.TIMED_OUT;
            }
        }
        if (run.runRecord.status().isTerminal()) {
            run.status = run.runRecord.status();
            t.sup.runEnded(run);
            var outcome = run.buildOutcome(run.runRecord.finishedAt() == null ? now : run.runRecord.finishedAt());
            deferred.add(() -> run.outcome.complete(outcome));
            return;
        }
        run.status = RunStatus.RUNNING;
        run.hideUnusedSlots();
        if (run.runRecord.status() != RunStatus.RUNNING) {
            t.runChanged(run, run.runRecord.withStatus(RunStatus.RUNNING, null));
            t.sup.events.runStarted(run, now); // a run that had started already has its RunStarted
        }
        int[] succ = GraphArrays.successors(g);
        java.util.Arrays.fill(run.pendingUpstream, 0);
        for (int v = 0; v < n; v++) {
            TaskState sv = run.state(v);
            for (int e = g.successorStart(v); e < g.successorEnd(v); e++) {
                if (sv.isTerminal()) {
                    Transitions.count(run, v, succ[e], e, sv);
                } else {
                    run.pendingUpstream[succ[e]]++;
                }
            }
        }
        if (failedForGood && run.workflow.failureStrategy() == FailureStrategy.FAIL_FAST) {
            t.failFast(run, now);
            t.checkDone(run, deferred);
            return;
        }
        for (int i = 0; i < n; i++) {
            TaskRecord r = run.record(i);
            if (run.clustered) {
                resumeClustered(run, i, r, now);
                continue;
            }
            switch (r.state()) {
                case READY, RUNNING -> {
                    t.store(run, r.released("requeued on resume"));
                    run.markReady(i, now);
                    t.sup.enqueue(run, i);
                }
                case RETRY_WAIT -> {
                    Duration wait = r.notBefore() == null || r.notBefore().isBefore(now)
                            ? Duration.ZERO : Duration.between(now, r.notBefore());
                    long version = r.version();
                    int idx = i;
                    t.sup.delay.schedule(() -> t.sup.onRetryDue(run, idx, version), wait);
                }
                case PENDING -> {
                    if (run.state(i) == TaskState.PENDING && t.settle(run, i, now, "upstream settled before restart")) {
                        t.propagate(run, i, now);
                    }
                }
                default -> {
                }
            }
        }
        // The run timeout counts from when the run was created, not from the restart.
        run.workflow.timeout().ifPresent(limit -> {
            Duration left = limit.minus(Duration.between(run.runRecord.createdAt(), now));
            run.runTimeout = t.sup.delay.schedule(() -> t.sup.cancelRun(run, true), left.isNegative()
                    ? Duration.ZERO : left);
        });
        t.releaseHeld(run, now);
        t.checkDone(run, deferred);
    }

    /**
     * A run taken over from a node that died: READY and RETRY_WAIT tasks are in the store for any node to claim,
     * RUNNING ones belong to their workers (or go back to the queue when their lease lapses); PENDING ones wait for
     * their upstream as usual.
     */
    private void resumeClustered(RunExecution run, int i, TaskRecord r, Instant now) {
        switch (r.state()) {
            case READY, RETRY_WAIT -> run.inFlight++;
            case RUNNING -> {
                run.inFlight++;
                run.runningCount++;
            }
            case PENDING -> {
                if (run.state(i) == TaskState.PENDING
                        && t.settle(run, i, now, "upstream settled before the take-over")) {
                    t.propagate(run, i, now);
                }
            }
            default -> {
            }
        }
    }
}
