package dev.supervisor.core;

import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.internal.store.InMemoryRunStore;
import java.time.Clock;

/**
 * Factories of the built-in {@link RunStore}s. A {@link Supervisor} configured without a store keeps its runs in
 * its own memory (the fastest mode); configure a store to make runs durable ({@link dev.supervisor.core.jdbc}) or
 * to share them between supervisors.
 */
public final class RunStores {
    private RunStores() {
    }

    /**
     * @return a new heap-only store that keeps the 100 most recent runs (active runs are always kept)
     */
    public static RunStore inMemory() {
        return inMemory(100);
    }

    /**
     * @param maxRetainedRuns how many runs to keep; beyond it the oldest finished runs are forgotten
     * @return a new heap-only store: lost when the JVM exits
     * @throws IllegalArgumentException if {@code maxRetainedRuns} is not positive
     */
    public static RunStore inMemory(int maxRetainedRuns) {
        return inMemory(maxRetainedRuns, Clock.systemUTC());
    }

    /**
     * A heap-only store with every capability — an event log, and task claims so that several supervisors in one
     * JVM can run as a cluster on it (for tests and demos of cluster mode without a database).
     *
     * @param maxRetainedRuns how many runs to keep; beyond it the oldest finished runs are forgotten
     * @param clock the store's clock, on which leases are granted and expire
     * @return a new heap-only store
     * @throws IllegalArgumentException if {@code maxRetainedRuns} is not positive
     */
    public static RunStore inMemory(int maxRetainedRuns, Clock clock) {
        return new InMemoryRunStore(maxRetainedRuns, clock);
    }
}
