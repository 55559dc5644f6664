package dev.supervisor.core.internal.engine;

import java.util.ArrayDeque;

/**
 * A concurrency cap (per run, type or tag). Guarded by the supervisor lock. Ready tasks that hit a full cap wait
 * in {@link #parked} instead of the shared heap, so a full cap never makes the dispatcher spin over them.
 */
final class Limit {
    final String name;
    final int max;
    int running;
    final ArrayDeque<ReadyEntry> parked = new ArrayDeque<>();

    Limit(String name, int max) {
        this.name = name;
        this.max = max;
    }

    boolean full() {
        return running >= max;
    }
}
