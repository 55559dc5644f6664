package dev.supervisor.core;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.spi.StoredEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs workflows: validates them, executes their tasks in dependency order with bounded concurrency, retries,
 * timeouts and failure strategies, and publishes lifecycle events.
 *
 * <p>One engine, three ways to keep runs, chosen by the {@link SupervisorConfig} alone:
 * <ul>
 *   <li><b>in memory</b> (no store configured): the fastest; runs end with the JVM;
 *   <li><b>durable</b> ({@link SupervisorConfig.SupervisorConfigBuilder#runStore a run store}, e.g. on PostgreSQL
 *       or H2): every transition is stored before anything acts on it, and {@link #resume} picks a run up after a
 *       restart;
 *   <li><b>cluster</b> (a store that offers {@link dev.supervisor.api.spi.TaskClaims} plus
 *       {@link SupervisorConfig.SupervisorConfigBuilder#cluster}): several supervisors — one per JVM — share the
 *       store; every node claims ready tasks of every run under a lease, each run is driven by one node at a time,
 *       and a node that dies hands its tasks and runs to the others.
 * </ul>
 * Every feature works in every mode, and {@link #submit} returns the same {@link RunHandle}.
 */
public interface Supervisor extends AutoCloseable {

    /**
     * Creates a supervisor.
     *
     * @param config the configuration
     * @return a running supervisor; close it to release its threads
     * @throws IllegalArgumentException if the configuration asks for cluster mode of a store that cannot claim
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
     * Resumes a run whose state is in this supervisor's {@link dev.supervisor.api.spi.RunStore}, typically after a
     * restart, with the workflow as the store keeps it. Tasks that ended keep their state and never run again;
     * tasks that were READY or RUNNING (their process died) run again with their attempt count kept; RETRY_WAIT
     * tasks run when their back-off ends; PENDING tasks wait for their upstream as usual. Handlers should use
     * {@link dev.supervisor.api.spi.TaskContext#idempotencyKey()}: an attempt that was running may run twice. In
     * cluster mode runs are resumed by the nodes themselves; this is for the other modes.
     *
     * @param runId the run id
     * @return a handle on the resumed run (already complete if the run had ended)
     * @throws dev.supervisor.api.SupervisorException if there is no store or no such run in it
     */
    RunHandle resume(String runId);

    /**
     * As {@link #resume(String)}, with the workflow given again (its handlers' types may have been re-registered).
     * Stored tasks are matched to the workflow's tasks by id, so the order in which the spec lists them may
     * differ; every task must be in both.
     *
     * @param workflow the workflow the run was started with
     * @param runId the run id
     * @return a handle on the resumed run (already complete if the run had ended)
     * @throws dev.supervisor.api.SupervisorException if the store has no such run or its tasks do not match
     *         the workflow
     */
    RunHandle resume(WorkflowSpec workflow, String runId);

    /**
     * A handle on a run: one this supervisor drives, or — with a store — any stored run, including a run started
     * by another node of a cluster (its outcome completes when the run ends, wherever it runs; {@code cancel()}
     * stops it on every node).
     *
     * @param runId a run id
     * @return the handle, or empty if neither this supervisor nor its store knows the run
     */
    Optional<RunHandle> run(String runId);

    /**
     * Delivers a run's events in order: first those stored after {@code afterSequence}, then each new one as it is
     * stored, whichever node makes it — so a listener can follow a run executed across a cluster, or pick up where
     * it stopped ({@link StoredEvent#sequence()}). Needs a store with an event log
     * ({@link dev.supervisor.api.spi.RunEventLog}); events are delivered on one thread per supervisor, and the
     * subscription ends by itself after the run's {@code RunFinished}.
     *
     * @param runId the run
     * @param afterSequence 0 for the whole history, else the last sequence number already seen
     * @param listener receives the events
     * @return the subscription; close it to stop
     * @throws dev.supervisor.api.SupervisorException if the store keeps no event log
     */
    Subscription follow(String runId, long afterSequence, Consumer<StoredEvent> listener);

    /**
     * Lists runs, a page at a time, newest first: from the run store when there is one (every stored run,
     * whichever node started it), else from this supervisor's active runs and the finished runs it retains
     * ({@link SupervisorConfig.SupervisorConfigBuilder#retainedFinishedRuns}).
     *
     * @param query filters, page size and where the page starts
     * @return the page
     * @throws UnsupportedOperationException if the configured store cannot list its runs
     */
    dev.supervisor.api.RunPage runs(dev.supervisor.api.RunQuery query);

    /** @return the event bus, on which this supervisor publishes the transitions it makes */
    EventBus events();

    /**
     * Counts of this supervisor's work now (runs active, attempts running, tasks queued), read under the engine's
     * lock for a consistent view; meant for gauges and health checks, not for a hot loop.
     *
     * @return the counts
     */
    SupervisorStats stats();

    /**
     * Stops accepting runs, lets running tasks finish within {@code deadline}, then cancels the rest. In cluster
     * mode the node stops claiming, lets its attempts finish, and hands the runs it drives to the other nodes.
     * Only the first call drains; later calls (and {@link #close()}) wait for it and return its answer.
     *
     * @param deadline how long to wait for running tasks
     * @return true if everything finished within the deadline
     */
    boolean shutdown(Duration deadline);

    /** Shuts down with the configured default deadline. */
    @Override
    void close();
}
