package dev.supervisor.core.graph;

import java.time.Duration;

/** Schedule figures of one task with unlimited parallelism, from estimated durations ({@link WorkflowAnalysis}). */
public interface TaskTiming {
    /** @return the task */
    String taskId();

    /** @return its topological level (0 for tasks without dependencies) */
    int level();

    /** @return its estimated duration */
    Duration duration();

    /** @return the earliest it can start after the run starts */
    Duration earliestStart();

    /** @return the latest it can start without delaying the run */
    Duration latestStart();

    /** @return latestStart − earliestStart; zero on the critical path */
    Duration slack();

    /** @return true if delaying this task delays the whole run */
    default boolean isCritical() {
        return slack().isZero();
    }
}
