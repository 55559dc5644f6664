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
     * @return a new heap-only store: fast, lost when the JVM exits
     */
    public static RunStore inMemory() {
        return new InMemoryRunStore();
    }
}
