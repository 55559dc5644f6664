package dev.supervisor.core;

/** What a {@link Supervisor} is doing at one moment, for gauges and health checks. Immutable. */
public interface SupervisorStats {
    /** @return runs this supervisor drives that have not ended */
    int activeRuns();

    /** @return task attempts executing on this node now */
    int runningAttempts();

    /**
     * @return tasks ready to run that wait for a free slot (the concurrency caps are full); in cluster mode ready
     *         tasks wait in the shared store instead, so this stays 0
     */
    int queuedTasks();

    /** @return the most attempts this node executes at once */
    int maxConcurrency();

    /** @return false once {@link Supervisor#shutdown} has begun */
    boolean accepting();
}
