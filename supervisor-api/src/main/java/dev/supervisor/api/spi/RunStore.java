package dev.supervisor.api.spi;

import dev.supervisor.api.WorkflowSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Persists runs and every task transition: what one node needs to make runs durable and to resume them after a
 * restart. The in-memory store is a reference implementation; the JDBC store keeps runs in PostgreSQL or H2.
 *
 * <p>The contract: task changes are compare-and-set on {@link TaskRecord#version()} (a change is accepted only
 * from a caller holding the current version, which fences a node that lost a run or a lease); a run is reloaded
 * with {@link #findRun}, {@link #workflow} and {@link #tasks}. Implementations must be thread-safe.
 * {@code RunStoreContract} in the {@code supervisor-core} test jar holds these rules as tests a third-party store
 * can run against itself.
 *
 * <p><b>Optional capabilities.</b> A store may offer more through {@link #capability(Class)}; the engine uses
 * them when present and never asks what class a store is:
 * <ul>
 *   <li>{@link #apply} written as one transaction (override it): a burst of transitions costs one round trip;
 *   <li>{@link RunEventLog}: the run's events are stored with its transitions and can be read back in order;
 *   <li>{@link TaskClaims}: ready tasks are claimed from the store with leases, so several nodes run one run
 *       together (cluster mode).
 * </ul>
 */
public interface RunStore {
    /**
     * Creates a run, its tasks and its workflow definition atomically.
     *
     * @param run the run, at version 0
     * @param workflow the workflow the run executes (kept so that the run can be resumed, inspected or executed
     *        by another node from the store alone)
     * @param tasks its tasks, PENDING at version 0, in index order
     * @throws dev.supervisor.api.SupervisorException if a run with that id exists
     */
    void createRun(RunRecord run, WorkflowSpec workflow, List<TaskRecord> tasks);

    /**
     * @param runId the run id
     * @return the run, if stored
     */
    Optional<RunRecord> findRun(String runId);

    /**
     * @param runId the run id
     * @return the workflow the run executes (its tasks as expanded for the run), if the run is stored
     */
    Optional<WorkflowSpec> workflow(String runId);

    /**
     * Replaces a run's record if the stored version is {@code updated.version() - 1}.
     *
     * @param updated the new record
     * @throws StaleVersionException if the stored version differs
     */
    void updateRun(RunRecord updated);

    /**
     * @param runId the run id
     * @return its tasks in index order
     */
    List<TaskRecord> tasks(String runId);

    /**
     * @param runId the run id
     * @param taskId the task id
     * @return the stored task
     */
    Optional<TaskRecord> task(String runId, String taskId);

    /**
     * Reads some tasks of a run. This default reads them one by one; stores that can should read them at once.
     *
     * @param runId the run id
     * @param taskIds the task ids
     * @return those that exist, in no particular order
     */
    default List<TaskRecord> tasks(String runId, Collection<String> taskIds) {
        List<TaskRecord> out = new ArrayList<>(taskIds.size());
        for (String id : taskIds) {
            task(runId, id).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Stores {@code updated} if the stored version of that task is {@code updated.version() - 1}.
     *
     * @param updated the new record
     * @return the stored record
     * @throws StaleVersionException if the stored version differs
     */
    TaskRecord update(TaskRecord updated);

    /**
     * Stores several changes, in order, as {@link #update} would one by one (a task may appear more than once, each
     * record one version on from the one before). This default applies them one by one and stops at the first
     * refused, leaving the ones before it applied; stores that can should write all or none.
     *
     * @param updated the new records, in the order they were made
     * @throws StaleVersionException if a stored version differs from the one a record expects
     */
    default void updateAll(List<TaskRecord> updated) {
        for (TaskRecord r : updated) {
            update(r);
        }
    }

    /**
     * Stores what one step of the engine changed in one run: its task records (as {@link #updateAll}), its run
     * record (as {@link #updateRun}), and, where the store keeps an event log, its events. The engine publishes
     * the events, and lets anything act on the changes, only after this returns. Stores should write all or
     * none; this default writes the tasks, then the run, and drops the events.
     *
     * @param changes the changes
     * @throws StaleVersionException if a stored version differs from the one a record expects
     */
    default void apply(RunChanges changes) {
        updateAll(changes.tasks());
        if (changes.run() != null) {
            updateRun(changes.run());
        }
    }

    /**
     * Lists stored runs, a page at a time, newest first ({@link dev.supervisor.api.RunPage#ORDER}). Stores should
     * answer from an index rather than by reading every run; this default refuses, for stores that cannot list.
     *
     * @param query filters, page size and where the page starts
     * @return the page
     * @throws UnsupportedOperationException if this store cannot list its runs
     */
    default dev.supervisor.api.RunPage runs(dev.supervisor.api.RunQuery query) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot list its runs");
    }

    /**
     * @param type a capability interface, e.g. {@link TaskClaims} or {@link RunEventLog}
     * @param <T> its type
     * @return the capability if this store offers it (this default: the store itself, when it implements it)
     */
    default <T> Optional<T> capability(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }
}
