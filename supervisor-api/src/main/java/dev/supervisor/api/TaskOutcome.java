package dev.supervisor.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What happened to one task of a run (or what is happening to it, while the run goes on). Made by the engine; two
 * outcomes are equal when every field is.
 */
public interface TaskOutcome {
    /** @return the task id */
    String taskId();

    /** @return the current state */
    TaskState state();

    /** @return attempts started so far */
    int attempts();

    /** @return when the first attempt started, or null if it never did */
    Instant startedAt();

    /** @return when the task reached a terminal state, or null if it has not */
    Instant finishedAt();

    /** @return the handler's output on success (JSON-compatible), else null */
    Object output();

    /**
     * @return a one-line description of why the task failed — set exactly when the state is FAILED, TIMED_OUT or
     *         UPSTREAM_FAILED — else null
     */
    String error();

    /** @return why the task was skipped or cancelled — set exactly when the state is SKIPPED or CANCELLED — else null */
    String reason();

    /** @return wall time from the first start to the end, if both are known */
    default Optional<Duration> duration() {
        return startedAt() == null || finishedAt() == null
                ? Optional.empty() : Optional.of(Duration.between(startedAt(), finishedAt()));
    }
}
