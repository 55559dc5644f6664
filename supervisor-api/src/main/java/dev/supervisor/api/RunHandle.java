package dev.supervisor.api;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A live handle on one submitted run.
 */
public interface RunHandle {
    /** @return the run id */
    String runId();

    /** @return the workflow that is running */
    WorkflowSpec workflow();

    /** @return the current run status */
    RunStatus status();

    /** @return a snapshot of every task's state, in workflow order */
    Map<String, TaskState> taskStates();

    /** @return progress now: done/total, running, ETA */
    RunProgress progress();

    /**
     * The run's outcome, once it has ended.
     *
     * <p>The future completes normally when the run ends, whatever its status: failed, skipped, cancelled and
     * timed-out tasks, and failed, cancelled and timed-out runs, are told by the outcome
     * ({@link RunOutcome#status()}, {@link RunOutcome#task(String)}), never by an exception; a handler's exception
     * is a task's {@link TaskOutcome#error()}. It completes exceptionally only when this handle can no longer learn
     * how the run ends, with one of:
     * <ul>
     *   <li>{@link dev.supervisor.api.spi.StaleVersionException} — the store holds a newer version of the run than
     *       the one this supervisor wrote: another node took the run over (its lease had expired) or another
     *       supervisor resumed it. This supervisor stops driving the run, which goes on wherever it is driven now
     *       ({@code Supervisor.run(runId)} there, or on any node of a cluster, gives a handle that follows it);</li>
     *   <li>the exception the {@link dev.supervisor.api.spi.RunStore} threw when it refused or failed to store a
     *       batch of the run's changes (for example a JDBC store's error once the database stays unreachable). This
     *       supervisor stops driving the run; the run stays in the store as the store last took it, and can be
     *       resumed from there ({@code Supervisor.resume});</li>
     *   <li>{@link SupervisorException} — for a handle that follows a run in the store rather than driving it (a
     *       run started or driven on another node, or handed over by a node that left its cluster), when the stored
     *       run is gone before it ends (deleted, or dropped by a store that keeps a bounded number of runs), when the
     *       store keeps no event log ({@link dev.supervisor.api.spi.RunEventLog}) to tell when it ends, or when the
     *       supervisor that gave the handle is closed before the run ends.</li>
     * </ul>
     *
     * @return a future of the outcome; the same future on every call
     */
    CompletableFuture<RunOutcome> outcome();

    /**
     * Cancels the run: pending tasks become CANCELLED, running ones are asked to stop. No-op once ended.
     *
     * @return true if this call cancelled the run
     */
    boolean cancel();
}
