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
import dev.supervisor.api.event.TaskProviderAttempt;
import dev.supervisor.api.provider.ProviderAttempt;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.spi.AttemptReport;
import java.util.ArrayList;
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
        return v.work().task(i).type().name();
    }

    private static String id(RunView v, int i) {
        return v.work().id(i);
    }

    static TaskStarted started(RunView v, int i, int attempt, Instant now) {
        return new TaskStarted(v.runId(), v.workflowId(), id(v, i), type(v, i), attempt, PROVIDER, now,
                Duration.ZERO);
    }

    static List<SupervisorEvent> calls(RunView v, int i, int attempt, AttemptReport report) {
        return calls(v.runId(), v.workflowId(), id(v, i), type(v, i), attempt, report);
    }

    static TaskSucceeded succeeded(RunView v, int i, int attempt, Instant now, Duration took, AttemptReport rep) {
        return new TaskSucceeded(v.runId(), v.workflowId(), id(v, i), type(v, i), attempt, provider(rep), now, took,
                cost(rep));
    }

    static TaskFailed failed(RunView v, int i, int attempt, Instant now, TaskState state, Duration took,
                             String error, AttemptReport rep) {
        return new TaskFailed(v.runId(), v.workflowId(), id(v, i), type(v, i), attempt, provider(rep), now, state,
                took, error, cost(rep));
    }

    static TaskRetrying retrying(RunView v, int i, int attempt, Instant now, String error, Duration delay,
                                 AttemptReport rep) {
        return new TaskRetrying(v.runId(), v.workflowId(), id(v, i), type(v, i), attempt, provider(rep), now, error,
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

    /** The provider an attempt's handler reported, or "local". */
    static String provider(AttemptReport report) {
        return report == null ? PROVIDER : report.provider();
    }

    static double cost(AttemptReport report) {
        return report == null || report.cost() == null ? 0.0 : report.cost().amount().doubleValue();
    }

    /** The provider calls an attempt reported, as events (published before the attempt's own). */
    static List<SupervisorEvent> calls(String runId, String workflowId, String taskId, String type, int attempt,
                                       AttemptReport report) {
        if (report == null || report.calls().isEmpty()) {
            return List.of();
        }
        List<SupervisorEvent> out = new ArrayList<>(report.calls().size());
        for (ProviderAttempt c : report.calls()) {
            String outcome = c.result() instanceof ProviderResult.Failure f ? f.kind().name() : "SUCCEEDED";
            String reason = c.result() instanceof ProviderResult.Failure f ? f.message() : null;
            out.add(new TaskProviderAttempt(runId, workflowId, taskId, type, attempt, c.providerId(), c.startedAt(),
                    c.attempt(), outcome, reason, c.result().duration()));
        }
        return out;
    }

    private void publishCalls(RunExecution r, int i, int attempt, AttemptReport report) {
        for (SupervisorEvent e : calls(r.runId, r.workflow.id(), r.graph.id(i), r.graph.task(i).type().name(),
                attempt, report)) {
            publish(r, e);
        }
    }

    void taskSucceeded(RunExecution r, int i, int attempt, Instant now, Duration took) {
        if (on()) {
            AttemptReport rep = r.endingReport;
            publishCalls(r, i, attempt, rep);
            publish(r, new TaskSucceeded(r.runId, r.workflow.id(), r.graph.id(i), r.graph.task(i).type().name(),
                    attempt, provider(rep), now, took, cost(rep)));
        }
    }

    void taskFailed(RunExecution r, int i, int attempt, Instant now, TaskState state, Duration took, String error) {
        if (on()) {
            AttemptReport rep = r.endingReport;
            publishCalls(r, i, attempt, rep);
            publish(r, new TaskFailed(r.runId, r.workflow.id(), r.graph.id(i), r.graph.task(i).type().name(), attempt,
                    provider(rep), now, state, took, error, cost(rep)));
        }
    }

    void taskRetrying(RunExecution r, int i, int attempt, Instant now, String error, Duration delay) {
        if (on()) {
            AttemptReport rep = r.endingReport;
            publishCalls(r, i, attempt, rep);
            publish(r, new TaskRetrying(r.runId, r.workflow.id(), r.graph.id(i), r.graph.task(i).type().name(),
                    attempt, provider(rep), now, error, delay));
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
