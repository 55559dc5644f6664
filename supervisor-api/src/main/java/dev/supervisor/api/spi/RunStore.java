package dev.supervisor.api.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persists runs and every task transition. The in-memory store is the embedded default; a JDBC store makes runs
 * durable and lets several JVMs share work.
 *
 * <p>The contract: task changes are compare-and-set on {@link TaskRecord#version()}; a READY task is
 * <em>claimed</em> by moving it to RUNNING with a lease (owner, expiry); a worker extends its lease with
 * {@link #heartbeat}; leases that lapse are returned to READY by {@link #reclaimExpired} (at-least-once); a
 * completion from a worker whose lease was reclaimed fails with {@link StaleVersionException}. A run can be
 * reloaded with {@link #findRun} and {@link #tasks} and resumed.
 */
public interface RunStore {
    /**
     * Creates a run and its tasks atomically.
     *
     * @param run the run, at version 0
     * @param tasks its tasks, PENDING at version 0, in workflow order
     * @throws dev.supervisor.api.SupervisorException if a run with that id exists
     */
    void createRun(RunRecord run, List<TaskRecord> tasks);

    /**
     * @param runId the run id
     * @return the run, if stored
     */
    Optional<RunRecord> findRun(String runId);

    /**
     * Replaces a run's record if the stored version is {@code updated.version() - 1}.
     *
     * @param updated the new record
     * @throws StaleVersionException if the stored version differs
     */
    void updateRun(RunRecord updated);

    /**
     * @param runId the run id
     * @return its tasks in workflow order
     */
    List<TaskRecord> tasks(String runId);

    /**
     * @param runId the run id
     * @param taskId the task id
     * @return the stored task
     */
    Optional<TaskRecord> task(String runId, String taskId);

    /**
     * Stores {@code updated} if the stored version of that task is {@code updated.version() - 1}.
     *
     * @param updated the new record, built from the current one with {@link TaskRecord#to} and friends
     * @return the stored record
     * @throws StaleVersionException if the stored version differs
     */
    TaskRecord update(TaskRecord updated);

    /**
     * Stores several changes, in order, as {@link #update} would one by one (a task may appear more than once, each
     * record one version on from the one before). Stores should apply all of them or none: a store that can write
     * them in one transaction lets an engine record a burst of transitions with one round trip. This default
     * applies them one by one and stops at the first refused, leaving the ones before it applied.
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
     * Claims up to {@code max} READY (or RETRY_WAIT with {@code notBefore <= now}) tasks of a run for {@code owner}.
     *
     * @param runId the run id
     * @param owner the claiming node
     * @param max most tasks to claim
     * @param lease lease length
     * @param now the claim time
     * @return the claimed tasks, RUNNING with a lease
     */
    List<TaskRecord> claim(String runId, String owner, int max, Duration lease, Instant now);

    /**
     * Extends a lease if {@code current} is still the stored version and still owned by its owner.
     *
     * @param current the record the worker holds
     * @param lease new lease length from {@code now}
     * @param now the time
     * @return the updated record, or empty if the lease was lost
     */
    Optional<TaskRecord> heartbeat(TaskRecord current, Duration lease, Instant now);

    /**
     * Returns RUNNING tasks whose lease expired before {@code now} to READY (their attempt count is kept).
     *
     * @param now the time
     * @return the reclaimed tasks
     */
    List<TaskRecord> reclaimExpired(Instant now);
}
