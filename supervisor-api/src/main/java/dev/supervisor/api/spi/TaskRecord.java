package dev.supervisor.api.spi;

import dev.supervisor.api.TaskState;
import java.time.Instant;
import java.util.List;

/**
 * Stored state of one task of one run. Every change increments {@link #version()}, and a store accepts a change
 * only from a caller holding the current version (optimistic concurrency, which also fences workers whose lease
 * was reclaimed).
 *
 * @param runId the run id
 * @param taskId the task id
 * @param index the task's position in the run (a compact key for stores and engines)
 * @param state the state
 * @param attempt attempts started so far
 * @param version incremented by every change
 * @param leaseOwner the node executing it while RUNNING, else null
 * @param leaseExpiry when that lease lapses, else null
 * @param notBefore earliest time a RETRY_WAIT task may run again, else null
 * @param startedAt first start, else null
 * @param finishedAt when terminal, else null
 * @param output the output on success (JSON-compatible), else null
 * @param error the last failure's description, or why the task was skipped, cancelled or put back, else null
 * @param item for an instance of a fan-out task, its element of the fanned-out list (set when it becomes READY),
 *        else null
 * @param branches the direct downstream task ids a succeeded branch task selected, else null (all of them)
 * @param shortCircuited true if the task succeeded and short-circuited everything downstream of it
 */
public record TaskRecord(String runId, String taskId, int index, TaskState state, int attempt, long version,
                         String leaseOwner, Instant leaseExpiry, Instant notBefore, Instant startedAt,
                         Instant finishedAt, Object output, String error, Object item, List<String> branches,
                         boolean shortCircuited) {

    /**
     * @throws NullPointerException if an id or the state is null
     */
    public TaskRecord {
        java.util.Objects.requireNonNull(runId, "runId");
        java.util.Objects.requireNonNull(taskId, "taskId");
        java.util.Objects.requireNonNull(state, "state");
        branches = branches == null ? null : List.copyOf(branches);
    }

    /**
     * A record with no fan-out item and no branch choice (most tasks).
     *
     * @param runId the run id
     * @param taskId the task id
     * @param index its position
     * @param state the state
     * @param attempt attempts so far
     * @param version the version
     * @param leaseOwner lease owner or null
     * @param leaseExpiry lease expiry or null
     * @param notBefore next retry or null
     * @param startedAt first start or null
     * @param finishedAt end or null
     * @param output output or null
     * @param error error or null
     */
    public TaskRecord(String runId, String taskId, int index, TaskState state, int attempt, long version,
                      String leaseOwner, Instant leaseExpiry, Instant notBefore, Instant startedAt,
                      Instant finishedAt, Object output, String error) {
        this(runId, taskId, index, state, attempt, version, leaseOwner, leaseExpiry, notBefore, startedAt,
                finishedAt, output, error, null, null, false);
    }

    /**
     * @param runId the run id
     * @param taskId the task id
     * @param index its position in the run
     * @return a PENDING record at version 0
     */
    public static TaskRecord pending(String runId, String taskId, int index) {
        return new TaskRecord(runId, taskId, index, TaskState.PENDING, 0, 0, null, null, null, null, null, null,
                null);
    }

    /**
     * @param newState the next state
     * @return a copy in the new state with the version incremented (lease kept)
     */
    public TaskRecord to(TaskState newState) {
        return new TaskRecord(runId, taskId, index, newState, attempt, version + 1, leaseOwner, leaseExpiry,
                notBefore, startedAt, finishedAt, output, error, item, branches, shortCircuited);
    }

    /**
     * @param newItem the fan-out element
     * @return a READY copy carrying the element, version incremented
     */
    public TaskRecord readyWith(Object newItem) {
        return new TaskRecord(runId, taskId, index, TaskState.READY, attempt, version + 1, leaseOwner, leaseExpiry,
                notBefore, startedAt, finishedAt, output, error, newItem, branches, shortCircuited);
    }

    /**
     * @param owner the lease owner
     * @param expiry the lease expiry
     * @param now the claim time
     * @return a RUNNING copy with a new attempt, the lease set and the version incremented
     */
    public TaskRecord claimed(String owner, Instant expiry, Instant now) {
        return new TaskRecord(runId, taskId, index, TaskState.RUNNING, attempt + 1, version + 1, owner, expiry,
                null, startedAt == null ? now : startedAt, null, null, error, item, null, false);
    }

    /**
     * @param state a terminal state
     * @param now when it ended
     * @param output the output, or null
     * @param error the error, or null
     * @return a terminal copy with the lease cleared and the version incremented
     */
    public TaskRecord finished(TaskState state, Instant now, Object output, String error) {
        return new TaskRecord(runId, taskId, index, state, attempt, version + 1, null, null, null, startedAt, now,
                output, error, item, null, false);
    }

    /**
     * @param now when it ended
     * @param output the output, or null
     * @param selected the direct downstream tasks it selected as a branch, or null for all
     * @param shortCircuit true if it short-circuited everything downstream
     * @return a SUCCEEDED copy with the lease cleared and the version incremented
     */
    public TaskRecord succeeded(Instant now, Object output, List<String> selected, boolean shortCircuit) {
        return new TaskRecord(runId, taskId, index, TaskState.SUCCEEDED, attempt, version + 1, null, null, null,
                startedAt, now, output, null, item, selected, shortCircuit);
    }

    /**
     * @param notBefore earliest next attempt
     * @param error the failure that caused the retry
     * @return a RETRY_WAIT copy with the lease cleared and the version incremented
     */
    public TaskRecord retryAt(Instant notBefore, String error) {
        return new TaskRecord(runId, taskId, index, TaskState.RETRY_WAIT, attempt, version + 1, null, null,
                notBefore, startedAt, null, null, error, item, null, false);
    }

    /**
     * @param notBefore when the task may run again
     * @param reason why it waits
     * @return a RETRY_WAIT copy for an attempt that was deferred, not failed: the attempt count goes back by one,
     *         so the next attempt reuses the number; lease cleared, version incremented
     */
    public TaskRecord deferredTo(Instant notBefore, String reason) {
        return new TaskRecord(runId, taskId, index, TaskState.RETRY_WAIT, Math.max(0, attempt - 1), version + 1,
                null, null, notBefore, startedAt, null, null, reason, item, null, false);
    }

    /**
     * @param reason why the task goes back to the queue (e.g. its lease expired)
     * @return a READY copy with the lease cleared and the version incremented (attempts are kept)
     */
    public TaskRecord released(String reason) {
        return new TaskRecord(runId, taskId, index, TaskState.READY, attempt, version + 1, null, null, null,
                startedAt, null, null, reason, item, null, false);
    }

    /**
     * @param expiry a new lease expiry
     * @return a copy with the lease extended and the version incremented
     */
    public TaskRecord heartbeat(Instant expiry) {
        return new TaskRecord(runId, taskId, index, state, attempt, version + 1, leaseOwner, expiry, notBefore,
                startedAt, finishedAt, output, error, item, branches, shortCircuited);
    }
}
