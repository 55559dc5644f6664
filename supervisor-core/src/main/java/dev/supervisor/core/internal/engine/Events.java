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

    Events(EventBus bus) {
        this.bus = bus;
        this.fast = bus instanceof DefaultEventBus d ? d : null;
    }

    private boolean on() {
        return fast == null || fast.hasSubscribers();
    }

    /** Publishes now, or, while the run has transitions waiting to be stored, once they are (see Staged). */
    private void publish(RunExecution r, SupervisorEvent e) {
        if (r.staged != null) {
            r.staged.events.add(e);
        } else {
            bus.publish(e);
        }
    }

    void publishStaged(List<SupervisorEvent> staged) {
        for (SupervisorEvent e : staged) {
            bus.publish(e);
        }
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
