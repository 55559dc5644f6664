package dev.supervisor.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A point-in-time view of a run's progress.
 *
 * @param total tasks in the run
 * @param done tasks in a terminal state
 * @param running tasks executing now
 * @param failed tasks that ended in a failure state
 * @param eta estimated time remaining, from estimated and observed durations; empty when unknown
 */
public record RunProgress(int total, int done, int running, int failed, Optional<Duration> eta) {
    /**
     * @return done / total in [0, 1]
     */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}
