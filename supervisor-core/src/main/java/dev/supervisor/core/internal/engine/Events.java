package dev.supervisor.core.internal.engine;

import dev.supervisor.api.TaskState;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskCancelled;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.api.event.TaskSkipped;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.core.internal.event.DefaultEventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds and publishes lifecycle events. With the default bus and no subscribers nothing is allocated, which
 * keeps the per-task overhead of large runs low.
 */
final class Events {
    private static final String PROVIDER = "local";
    private final EventBus bus;
    private final DefaultEventBus fast;
    /** The store keeps every event: they are always built. */
    private final boolean logged;

    Events(EventBus bus, boolean logged) {
        this.bus = bus;
        this.fast = bus instanceof DefaultEventBus d ? d : null;
        this.logged = logged;
    }

    private boolean on() {
        return logged || fast == null || fast.hasSubscribers();
    }

    /** Publishes now, or, with a store, once the changes it reports are stored (see Staged). */
    private void publish(RunExecution r, SupervisorEvent e) {
        if (r.supervisor.store != null) {
            r.supervisor.staging(r).events.add(e);
        } else {
            bus.publish(e);
        }
    }

    void publishStaged(List<SupervisorEvent> staged) {
        for (SupervisorEvent e : staged) {
            bus.publish(e);
        }
    }

    /** Publishes events already stored (a cluster worker's). */
    void publishNow(List<? extends SupervisorEvent> stored) {
        for (SupervisorEvent e : stored) {
            bus.publish(e);
        }
    }

    /* ---- the events of a cluster worker's attempt (its run may be another node's) ---- */

    private static String type(RunView v, int i) {
        return v.prepared().graph().task(i).type().name();
    }

    private static String id(RunView v, int i) {
        return v.prepared().graph().id(i);
    }

    static TaskStarted started(RunView v, int i, int attempt, Instant now) {
        return new TaskStarted(v.runId(), v.workflowId(), id(v, i), type(v, i), attempt, PROVIDER, now,
                Duration.ZERO);
    }

    static TaskSucceeded succeeded(RunView v, int i, int attempt, Instant now, Duration took) {
        return new TaskSucceeded(v.runId(), v.workflowId(), id(v, i), type(v, i), attempt, PROVIDER, now, took, 0.0);
    }

    static TaskFailed failed(RunView v, int i, int attempt, Instant now, TaskState state, Duration took,
                             String error) {
        return new TaskFailed(v.runId(), v.workflowId(), id(v, i), type(v, i), attempt, PROVIDER, now, state, took,
                error, 0.0);
    }

    static TaskRetrying retrying(RunView v, int i, int attempt, Instant now, String error, Duration delay) {
        return new TaskRetrying(v.runId(), v.workflowId(), id(v, i), type(v, i), attempt, PROVIDER, now, error,
                delay);
    }

    static TaskCancelled cancelled(RunView v, int i, int attempt, Instant now) {
        return new TaskCancelled(v.runId(), v.workflowId(), id(v, i), type(v, i), attempt, PROVIDER, now);
    }

    void runStarted(RunExecution r, Instant now) {
        if (on()) {
            publish(r, new RunStarted(r.runId, r.workflow.id(), now, r.graph.size()));
        }
    }

    void runFinished(RunExecution r, Instant now, int succeeded) {
        if (on()) {
            publish(r, new RunFinished(r.runId, r.workflow.id(), now, r.status, Duration.between(r.startedAt, now),
                    succeeded, r.failed));
        }
    }

    void taskStarted(RunExecution r, int i, int attempt, Instant now) {
        if (on()) {
            Instant readyAt = r.readyAt(i);
            Duration wait = readyAt == null ? Duration.ZERO : Duration.between(readyAt, now);
            publish(r, new TaskStarted(r.runId, r.workflow.id(), r.graph.id(i), r.graph.task(i).type().name(), attempt,
                    PROVIDER, now, wait));
        }
    }

    void taskSucceeded(RunExecution r, int i, int attempt, Instant now, Duration took) {
        if (on()) {
            publish(r, new TaskSucceeded(r.runId, r.workflow.id(), r.graph.id(i), r.graph.task(i).type().name(),
                    attempt, PROVIDER, now, took, 0.0));
        }
    }

    void taskFailed(RunExecution r, int i, int attempt, Instant now, TaskState state, Duration took, String error) {
        if (on()) {
            publish(r, new TaskFailed(r.runId, r.workflow.id(), r.graph.id(i), r.graph.task(i).type().name(), attempt,
                    PROVIDER, now, state, took, error, 0.0));
        }
    }

    void taskRetrying(RunExecution r, int i, int attempt, Instant now, String error, Duration delay) {
        if (on()) {
            publish(r, new TaskRetrying(r.runId, r.workflow.id(), r.graph.id(i), r.graph.task(i).type().name(),
                    attempt, PROVIDER, now, error, delay));
        }
    }

    void taskSkipped(RunExecution r, int i, Instant now, String reason) {
        if (on()) {
            publish(r, new TaskSkipped(r.runId, r.workflow.id(), r.graph.id(i), r.graph.task(i).type().name(), 0,
                    PROVIDER, now, reason));
        }
    }

    void taskCancelled(RunExecution r, int i, int attempt, Instant now) {
        if (on()) {
            publish(r, new TaskCancelled(r.runId, r.workflow.id(), r.graph.id(i), r.graph.task(i).type().name(),
                    attempt, PROVIDER, now));
        }
    }
}
