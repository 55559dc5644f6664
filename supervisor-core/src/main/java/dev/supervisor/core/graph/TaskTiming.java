package dev.supervisor.core.graph;

import java.time.Duration;

/**
 * Schedule figures of one task with unlimited parallelism, from estimated durations.
 *
 * @param taskId the task
 * @param level its topological level (0 for tasks without dependencies)
 * @param duration its estimated duration
 * @param earliestStart the earliest it can start after the run starts
 * @param latestStart the latest it can start without delaying the run
 * @param slack latestStart − earliestStart; zero on the critical path
 */
public record TaskTiming(String taskId, int level, Duration duration, Duration earliestStart,
                         Duration latestStart, Duration slack) {

    /** @return true if delaying this task delays the whole run */
    public boolean isCritical() {
        return slack.isZero();
    }
}
