package dev.supervisor.core.internal.engine;

/**
 * A READY task waiting for a slot. Ordered by priority (high first), then critical-path rank (long remaining
 * work first), then arrival.
 */
final class ReadyEntry implements Comparable<ReadyEntry> {
    final RunExecution run;
    final int index;
    final int priority;
    final long rank;
    final long seq;

    ReadyEntry(RunExecution run, int index, int priority, long rank, long seq) {
        this.run = run;
        this.index = index;
        this.priority = priority;
        this.rank = rank;
        this.seq = seq;
    }

    @Override
    public int compareTo(ReadyEntry o) {
        if (priority != o.priority) {
            return priority > o.priority ? -1 : 1;
        }
        if (rank != o.rank) {
            return rank > o.rank ? -1 : 1;
        }
        return Long.compare(seq, o.seq);
    }
}
