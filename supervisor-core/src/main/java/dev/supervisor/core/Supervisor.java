package dev.supervisor.core;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.EventBus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Runs workflows: validates them, executes their tasks in dependency order with bounded concurrency, retries,
 * timeouts and failure strategies, and publishes lifecycle events.
 */
public interface Supervisor extends AutoCloseable {

    /**
     * Creates a supervisor.
     *
     * @param config the configuration
     * @return a running supervisor; close it to release its threads
     */
    static Supervisor create(SupervisorConfig config) {
        return new dev.supervisor.core.internal.engine.DefaultSupervisor(config);
    }

    /**
     * Validates and starts a run.
     *
     * @param workflow the workflow
     * @param inputs the run's inputs (JSON-compatible)
     * @return a handle on the run
     * @throws WorkflowValidationException listing every problem if the workflow is invalid
     * @throws SubmissionRejectedException if the supervisor is shutting down or its queue is full
     */
    RunHandle submit(WorkflowSpec workflow, Map<String, ?> inputs);

    /**
     * Starts a run with no inputs.
     *
     * @param workflow the workflow
     * @return a handle on the run
     */
    default RunHandle submit(WorkflowSpec workflow) {
        return submit(workflow, Map.of());
    }

    /**
     * Resumes a run whose state is in this supervisor's {@link dev.supervisor.api.spi.RunStore}, typically after
     * a restart. Tasks that ended keep their state and never run again; tasks that were READY or RUNNING (their
     * process died) run again with their attempt count kept; RETRY_WAIT tasks run when their back-off ends;
     * PENDING tasks wait for their upstream as usual. Handlers should use
     * {@link dev.supervisor.api.spi.TaskContext#idempotencyKey()}: an attempt that was running may run twice.
     *
     * @param workflow the workflow the run was started with
     * @param runId the run id
     * @return a handle on the resumed run (already complete if the run had ended)
     * @throws dev.supervisor.api.SupervisorException if the store has no such run or its tasks do not match
     *         the workflow
     */
    RunHandle resume(WorkflowSpec workflow, String runId);

    /**
     * @param runId a run id
     * @return the handle of a run this supervisor started, if known
     */
    Optional<RunHandle> find(String runId);

    /** @return the event bus */
    EventBus events();

    /**
     * Stops accepting runs, lets running tasks finish within {@code deadline}, then cancels the rest.
     *
     * @param deadline how long to wait for running tasks
     * @return true if everything finished within the deadline
     */
    boolean shutdown(Duration deadline);

    /** Shuts down with the configured default deadline. */
    @Override
    void close();
}
