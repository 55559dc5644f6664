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
     * @return a future completed with the outcome when the run ends; task failures are in the outcome's status.
     *         It completes exceptionally only with {@link dev.supervisor.api.spi.StaleVersionException} when another
     *         node took the run over through a shared store
     */
    CompletableFuture<RunOutcome> outcome();

    /**
     * Cancels the run: pending tasks become CANCELLED, running ones are asked to stop. No-op once ended.
     *
     * @return true if this call cancelled the run
     */
    boolean cancel();
}
