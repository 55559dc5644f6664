package dev.supervisor.api.provider;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How routing a task ended, with every provider call it made.
 *
 * @param taskId the task
 * @param status how it ended
 * @param attempts the provider history, oldest first
 * @param reason why it ended this way (the last failure, "no provider serves ...", "budget ...")
 * @param failureKind the kind of the last failure, null when it succeeded or when no provider was called
 * @param retryAt for {@link Status#DEFERRED}, when to try again; null otherwise
 */
public record RouteOutcome(String taskId, Status status, List<ProviderAttempt> attempts, String reason,
                           FailureKind failureKind, Instant retryAt) {

    /** How routing ended. */
    public enum Status {
        /** A provider succeeded: the last attempt is a success. */
        SUCCEEDED,
        /** No provider succeeded and none will be tried. */
        FAILED,
        /** Quotas are exhausted and the task's priority lets it wait for {@link #retryAt()}. */
        DEFERRED
    }

    /** Copies the history and checks consistency: SUCCEEDED iff the last attempt succeeded. */
    public RouteOutcome {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(reason, "reason");
        boolean lastOk = !attempts.isEmpty() && attempts.get(attempts.size() - 1).result().succeeded();
        if (lastOk != (status == Status.SUCCEEDED)) {
            throw new IllegalArgumentException("status " + status + " contradicts the last attempt of task '"
                    + taskId + "'");
        }
        if ((status == Status.DEFERRED) != (retryAt != null)) {
            throw new IllegalArgumentException("retryAt must be set exactly when the task is deferred");
        }
    }

    /** @return the successful result, if the task succeeded */
    public Optional<ProviderResult.Success> success() {
        return status == Status.SUCCEEDED
                ? Optional.of((ProviderResult.Success) attempts.get(attempts.size() - 1).result())
                : Optional.empty();
    }
}
