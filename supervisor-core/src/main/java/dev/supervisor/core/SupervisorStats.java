package dev.supervisor.core;

/**
 * What a {@link Supervisor} is doing at one moment, for gauges and health checks. Immutable.
 *
 * @param activeRuns runs this supervisor drives that have not ended
 * @param runningAttempts task attempts executing on this node now
 * @param queuedTasks tasks ready to run that wait for a free slot (the concurrency caps are full); in cluster mode
 *        ready tasks wait in the shared store instead, so this stays 0
 * @param maxConcurrency the most attempts this node executes at once
 * @param accepting false once {@link Supervisor#shutdown} has begun
 */
public record SupervisorStats(int activeRuns, int runningAttempts, int queuedTasks, int maxConcurrency,
                              boolean accepting) {
}
