package dev.supervisor.api;

import java.time.Duration;
import java.util.Optional;

/** A point-in-time view of a run's progress. Made by the engine; immutable. */
public interface RunProgress {
    /** @return tasks in the run */
    int total();

    /** @return tasks in a terminal state */
    int done();

    /** @return tasks executing now */
    int running();

    /** @return tasks that ended in a failure state */
    int failed();

    /** @return estimated time remaining, from estimated and observed durations; empty when unknown */
    Optional<Duration> eta();

    /** @return done / total in [0, 1] */
    default double fraction() {
        return total() == 0 ? 1.0 : (double) done() / total();
    }
}
