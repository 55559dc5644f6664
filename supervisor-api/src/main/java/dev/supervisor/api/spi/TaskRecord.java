package dev.supervisor.api.spi;

import dev.supervisor.api.TaskState;
import java.time.Instant;

/**
 * Stored state of one task of one run. Every change increments {@link #version()}, and a store accepts a change
 * only from a caller holding the current version (optimistic concurrency, which also fences workers whose lease
 * was reclaimed).
 *
 * @param runId the run id
 * @param taskId the task id
 * @param index the task's position in the workflow (a compact key for stores and engines)
 * @param state the state
 * @param attempt attempts started so far
 * @param version incremented by every change
 * @param leaseOwner the node executing it while RUNNING, else null
 * @param leaseExpiry when that lease lapses, else null
 * @param notBefore earliest time a READY or RETRY_WAIT task may be claimed, else null
 * @param startedAt first start, else null
 * @param finishedAt when terminal, else null
 * @param output the output on success (JSON-compatible), else null
 * @param error the last failure's description, else null
 */
public record TaskRecord(String runId, String taskId, int index, TaskState state, int attempt, long version,
                         String leaseOwner, Instant leaseExpiry, Instant notBefore, Instant startedAt,
                         Instant finishedAt, Object output, String error) {

    /**
     * @param runId the run id
     * @param taskId the task id
     * @param index its position in the workflow
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
                notBefore, startedAt, finishedAt, output, error);
    }

    /**
     * @param owner the lease owner
     * @param expiry the lease expiry
     * @param now the claim time
     * @return a RUNNING copy with a new attempt, the lease set and the version incremented
     */
    public TaskRecord claimed(String owner, Instant expiry, Instant now) {
        return new TaskRecord(runId, taskId, index, TaskState.RUNNING, attempt + 1, version + 1, owner, expiry,
                null, startedAt == null ? now : startedAt, null, null, error);
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
                output, error);
    }

    /**
     * @param notBefore earliest next claim
     * @param error the failure that caused the retry
     * @return a RETRY_WAIT copy with the lease cleared and the version incremented
     */
    public TaskRecord retryAt(Instant notBefore, String error) {
        return new TaskRecord(runId, taskId, index, TaskState.RETRY_WAIT, attempt, version + 1, null, null,
                notBefore, startedAt, null, null, error);
    }

    /**
     * @param reason why the task goes back to the queue (e.g. its lease expired)
     * @return a READY copy with the lease cleared and the version incremented (attempts are kept)
     */
    public TaskRecord released(String reason) {
        return new TaskRecord(runId, taskId, index, TaskState.READY, attempt, version + 1, null, null, null,
                startedAt, null, null, reason);
    }

    /**
     * @param expiry a new lease expiry
     * @return a copy with the lease extended and the version incremented
     */
    public TaskRecord heartbeat(Instant expiry) {
        return new TaskRecord(runId, taskId, index, state, attempt, version + 1, leaseOwner, expiry, notBefore,
                startedAt, finishedAt, output, error);
    }
}
