package dev.supervisor.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What happened to one task in a finished (or running) run.
 *
 * @param taskId the task id
 * @param state the current state
 * @param attempts attempts started so far
 * @param startedAt when the first attempt started, null if never
 * @param finishedAt when the task reached a terminal state, null if not yet
 * @param output the handler's output on success (JSON-compatible), else null
 * @param error a one-line description of the last failure, else null
 */
public record TaskOutcome(String taskId, TaskState state, int attempts, Instant startedAt, Instant finishedAt,
                          Object output, String error) {

    /**
     * @return wall time from first start to finish, if both are known
     */
    public Optional<Duration> duration() {
        return startedAt == null || finishedAt == null
                ? Optional.empty() : Optional.of(Duration.between(startedAt, finishedAt));
    }
}
