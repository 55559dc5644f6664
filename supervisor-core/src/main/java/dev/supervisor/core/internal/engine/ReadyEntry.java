package dev.supervisor.core.internal.engine;

/**
 * A READY task parked behind a full cap, with its place in the {@link ReadyQueue} order kept for when it returns.
 */
final class ReadyEntry {
    final RunExecution run;
    final int index;
    final long key;
    final long seq;

    ReadyEntry(RunExecution run, int index, long key, long seq) {
        this.run = run;
        this.index = index;
        this.key = key;
        this.seq = seq;
    }
}
