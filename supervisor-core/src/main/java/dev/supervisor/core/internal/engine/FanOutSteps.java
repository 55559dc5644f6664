package dev.supervisor.core.internal.engine;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.expr.ExpressionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fan-out part of the state machine: deciding which instance slots run and settling the collector. Called
 * with the supervisor lock held, like {@link Transitions}.
 */
final class FanOutSteps {
    static final String UNUSED_SLOT = "unused fan-out slot";
    private final Transitions t;

    FanOutSteps(Transitions t) {
        this.t = t;
    }

    /** @return true if the instance was settled (hidden) instead of becoming ready */
    boolean gate(RunExecution run, int s, Instant now) {
        int c = run.plan.collectorOf[s];
        if (run.fanItems[c] == null && run.fanError[c] == null) {
            evaluateItems(run, c);
        }
        if (run.fanError[c] != null || run.plan.instanceNo[s] >= run.fanItems[c].size()) {
            run.hidden[s] = true;
            run.hiddenCount++;
            t.terminal(run, s, TaskState.SKIPPED, now, null, UNUSED_SLOT, Duration.ZERO);
            return true;
        }
        return false;
    }

    private void evaluateItems(RunExecution run, int c) {
        String id = run.graph.id(c);
        try {
            Object v = run.plan.items[c].evaluate(FlowExpressions.taskVariables(run, c));
            List<Object> items = new ArrayList<>();
            if (v instanceof List<?> l) {
                items.addAll(l);
            } else if (v instanceof com.fasterxml.jackson.databind.JsonNode n && n.isArray()) {
                n.elements().forEachRemaining(items::add);
            } else {
                run.fanError[c] = "fan-out items of '" + id + "' must be a list but were " + (v == null ? "null"
                        : v.getClass().getSimpleName());
                return;
            }
            if (items.size() > run.plan.width[c]) {
                run.fanError[c] = "fan-out of '" + id + "' produced " + items.size() + " items; maxWidth is "
                        + run.plan.width[c];
                return;
            }
            run.fanItems[c] = Collections.unmodifiableList(items);
        } catch (ExpressionException e) {
            run.fanError[c] = "fan-out items of '" + id + "' failed: " + e.reason() + " at " + e.line() + ":"
                    + e.column();
        }
    }

    /** All slots of a fan-out task have settled: its state and the ordered list of instance outputs. */
    void settleCollector(RunExecution run, int c, Instant now) {
        FanOutPlan p = run.plan;
        String error = run.fanError[c];
        TaskState state = TaskState.SUCCEEDED;
        List<Object> outputs = new ArrayList<>();
        Instant started = null;
        boolean failed = false;
        boolean upstreamFailed = false;
        boolean cancelled = false;
        boolean skipped = false;
        for (int k = 0; k < p.width[c]; k++) {
            int i = p.firstInstance[c] + k;
            TaskRecord r = run.record(i);
            // Hidden flags live in memory; after a resume the stored reason still marks an unused slot.
            if (run.isHidden(i) || UNUSED_SLOT.equals(r.error())) {
                continue;
            }
            if (r.startedAt() != null && (started == null || r.startedAt().isBefore(started))) {
                started = r.startedAt();
            }
            switch (r.state()) {
                case SUCCEEDED -> outputs.add(r.output());
                case FAILED, TIMED_OUT -> {
                    failed = true;
                    if (error == null) {
                        error = "instance '" + r.taskId() + "' " + r.state() + ": " + r.error();
                    }
                }
                case UPSTREAM_FAILED -> upstreamFailed = true;
                case CANCELLED -> cancelled = true;
                default -> skipped = true;
            }
        }
        if (run.fanError[c] != null || failed) {
            state = TaskState.FAILED;
        } else if (upstreamFailed) {
            state = TaskState.UPSTREAM_FAILED;
        } else if (cancelled) {
            state = TaskState.CANCELLED;
        } else if (skipped) {
            state = TaskState.SKIPPED;
        }
        TaskRecord cur = run.record(c);
        t.store(run, new TaskRecord(cur.runId(), cur.taskId(), c, state, cur.attempt(),
                cur.version() + 1, null, null, null, started, now, state == TaskState.SUCCEEDED
                ? Collections.unmodifiableList(outputs) : null, error));
        t.settled(run, c, now, started == null ? Duration.ZERO : Duration.between(started, now), true);
        if (state == TaskState.FAILED && run.workflow.failureStrategy() == FailureStrategy.FAIL_FAST) {
            t.failFast(run, now);
        }
    }
}
