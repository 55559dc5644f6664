package dev.supervisor.core;

import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.internal.store.InMemoryRunStore;

/**
 * Factories of the built-in {@link RunStore}s.
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
     * @return a new heap-only store: fast, lost when the JVM exits
     * @throws IllegalArgumentException if {@code maxRetainedRuns} is not positive
     */
    public static RunStore inMemory(int maxRetainedRuns) {
        return new InMemoryRunStore(maxRetainedRuns);
    }
}
