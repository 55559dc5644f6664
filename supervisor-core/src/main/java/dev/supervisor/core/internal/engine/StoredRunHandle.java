package dev.supervisor.core.internal.engine;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunProgress;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.TaskClaims;
import dev.supervisor.api.spi.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A handle on a run this supervisor does not drive — started by another node, or by a process that is gone — read
 * from the store on each call. Its outcome completes when the stored run ends.
 */
final class StoredRunHandle implements RunHandle {
    private final DefaultSupervisor sup;
    private final String runId;
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
    private volatile WorkflowSpec workflow;

    StoredRunHandle(DefaultSupervisor sup, String runId) {
        this.sup = sup;
        this.runId = runId;
        if (sup.store.findRun(runId).map(r -> r.status().isTerminal()).orElse(false)) {
            outcome.complete(sup.storedOutcome(runId)); // ended already: no need to watch
        } else {
            sup.watch(runId, outcome);
        }
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public WorkflowSpec workflow() {
        WorkflowSpec w = workflow;
        if (w == null) {
            w = workflow = sup.store.workflow(runId).orElseThrow(() -> gone());
        }
        return w;
    }

    private SupervisorException gone() {
        return new SupervisorException("run " + runId + " is no longer in the store");
    }

    private RunRecord record() {
        return sup.store.findRun(runId).orElseThrow(this::gone);
    }

    @Override
    public RunStatus status() {
        return record().status();
    }

    @Override
    public Map<String, TaskState> taskStates() {
        Map<String, TaskState> m = new LinkedHashMap<>();
        for (TaskRecord r : sup.store.tasks(runId)) {
            if (!unused(r)) {
                m.put(r.taskId(), r.state());
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static boolean unused(TaskRecord r) {
        return r.state() == TaskState.SKIPPED && FanOutSteps.UNUSED_SLOT.equals(r.error());
    }

    /** Counted from the stored tasks; the ETA extrapolates the pace so far. */
    @Override
    public RunProgress progress() {
        RunRecord run = record();
        List<TaskRecord> tasks = sup.store.tasks(runId);
        int total = 0;
        int done = 0;
        int running = 0;
        int failed = 0;
        for (TaskRecord r : tasks) {
            if (unused(r)) {
                continue;
            }
            total++;
            done += r.state().isTerminal() ? 1 : 0;
            running += r.state() == TaskState.RUNNING ? 1 : 0;
            failed += r.state().isFailure() ? 1 : 0;
        }
        Optional<Duration> eta;
        if (run.status().isTerminal() || done == total) {
            eta = Optional.of(Duration.ZERO);
        } else if (done == 0) {
            eta = Optional.empty();
        } else {
            Duration elapsed = Duration.between(run.createdAt(), Instant.now(sup.clock));
            eta = Optional.of(elapsed.multipliedBy(total - done).dividedBy(done));
        }
        return new Results.Progress(total, done, running, failed, eta);
    }

    @Override
    public CompletableFuture<RunOutcome> outcome() {
        return outcome;
    }

    /**
     * In cluster mode, asks every node to stop the run (its owner cancels it). With another store, a run no
     * supervisor drives any more is cancelled in the store directly.
     */
    @Override
    public boolean cancel() {
        Optional<TaskClaims> claims = sup.store.capability(TaskClaims.class);
        if (claims.isPresent() && sup.cluster != null) {
            RunRecord before = record();
            if (before.status().isTerminal()) {
                return false;
            }
            return claims.get().requestStop(runId, RunStatus.CANCELLED) == RunStatus.CANCELLED;
        }
        return sup.cancelStored(runId);
    }
}
