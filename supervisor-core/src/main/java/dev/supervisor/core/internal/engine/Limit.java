package dev.supervisor.core.internal.engine;

/**
 * A concurrency cap (per run, type or tag). Guarded by the supervisor lock. Ready tasks that hit a full cap wait
 * in {@link #parked}, in the same order as the shared queue, so a full cap never makes the dispatcher spin over
 * them; each freed slot sends the first of them back (see {@code DefaultSupervisor.release}).
 */
final class Limit {
    final String name;
    final int max;
    int running;
    final ReadyQueue parked = new ReadyQueue();

    Limit(String name, int max) {
        this.name = name;
        this.max = max;
    }

    boolean full() {
        return running >= max;
    }
}
