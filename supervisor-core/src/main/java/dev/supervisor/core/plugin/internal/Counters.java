package dev.supervisor.core.plugin.internal;

import dev.supervisor.core.plugin.PluginStats;

/** A bulkhead's counters at one moment. */
record Counters(long completed, long failures, long timeouts, long dropped, int consecutiveFailures)
        implements PluginStats {
    /** Before the first start. */
    static final Counters NONE = new Counters(0, 0, 0, 0, 0);
}
