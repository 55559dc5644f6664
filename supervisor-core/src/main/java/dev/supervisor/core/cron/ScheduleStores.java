package dev.supervisor.core.cron;

import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.core.cron.internal.InMemoryScheduleStore;

/** Factories of the built-in {@link ScheduleStore}s. */
public final class ScheduleStores {
    private ScheduleStores() {
    }

    /** @return a new heap-only store (state is lost when the JVM exits) */
    public static ScheduleStore inMemory() {
        return new InMemoryScheduleStore();
    }
}
