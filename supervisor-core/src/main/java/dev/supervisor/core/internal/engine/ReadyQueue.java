package dev.supervisor.core.internal.engine;

import java.util.Arrays;

/**
 * READY tasks waiting for a slot, ordered by priority (high first), then critical-path rank (long remaining work
 * first), then arrival. Guarded by the supervisor lock.
 *
 * <p>Most ready tasks share their order key with many others (same priority, same rank: a layer of a DAG), and
 * among equals the order is arrival, which a FIFO keeps for free. So entries go to a few FIFO lanes, one per key
 * and sorted by key, and only keys beyond {@link #MAX_LANES} go to a binary heap. Taking the next task compares
 * the first lane's head with the heap's top by (key, arrival); entries of one key split between a lane and the
 * heap still come out in arrival order. Everything is kept in primitive arrays: no object per entry.
 */
final class ReadyQueue {
    static final int MAX_LANES = 8;
    private static final long MAX_RANK = (1L << 59) - 1;
    /** Lanes in ascending key order; lanes[0] holds the smallest key present in any lane. */
    private final Lane[] lanes = new Lane[MAX_LANES];
    private int laneCount;
    private final Lane[] spare = new Lane[MAX_LANES];
    private int spareCount;
    private final Heap heap = new Heap();
    private long arrivals;
    private int size;

    /** Packs priority (high bits, inverted) and rank (inverted, clamped to 59 bits) so that smaller comes first. */
    static long key(int priority, long rank) {
        long r = Math.max(0, Math.min(rank, MAX_RANK));
        return ((long) (15 - priority) << 59) | (MAX_RANK - r);
    }

    /** Adds a task that just became ready. */
    void add(RunExecution r, int i) {
        push(r, i, key(r.priorities[i], r.rank[i]), arrivals++);
    }

    /** Adds an entry with a given key and arrival number (tests; entries moving between queues keep theirs). */
    void add(RunExecution r, int i, long key, long seq) {
        push(r, i, key, seq);
    }

    /**
     * Moves the first entry to another queue (a cap's parked queue, or back), keeping its key and arrival, so it
     * keeps its place in the order.
     */
    void moveTopTo(ReadyQueue target) {
        if (fromLane()) {
            Lane l = lanes[0];
            target.push(l.run[l.head], l.index[l.head], l.key, l.seq[l.head]);
        } else {
            target.push(heap.run[0], heap.index[0], heap.key[0], heap.seq[0]);
        }
        removeTop();
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    RunExecution topRun() {
        return fromLane() ? lanes[0].run[lanes[0].head] : heap.run[0];
    }

    int topIndex() {
        return fromLane() ? lanes[0].index[lanes[0].head] : heap.index[0];
    }

    long topKey() {
        return fromLane() ? lanes[0].key : heap.key[0];
    }

    long topSeq() {
        return fromLane() ? lanes[0].seq[lanes[0].head] : heap.seq[0];
    }

    void removeTop() {
        size--;
        if (!fromLane()) {
            heap.removeTop();
            return;
        }
        Lane l = lanes[0];
        l.removeHead();
        if (l.size == 0) {
            System.arraycopy(lanes, 1, lanes, 0, --laneCount);
            lanes[laneCount] = null;
            spare[spareCount++] = l;
        }
    }

    /** Whether the next entry is the first lane's head rather than the heap's top. */
    private boolean fromLane() {
        if (laneCount == 0) {
            return false;
        }
        if (heap.size == 0) {
            return true;
        }
        Lane l = lanes[0];
        return Heap.before(l.key, l.seq[l.head], heap.key[0], heap.seq[0]);
    }

    private void push(RunExecution r, int i, long k, long s) {
        size++;
        int at = 0;
        while (at < laneCount && lanes[at].key < k) {
            at++;
        }
        // A lane only takes entries in arrival order; an entry coming back from a cap may be older than the tail.
        if (at < laneCount && lanes[at].key == k && lanes[at].acceptsNext(s)) {
            lanes[at].append(r, i, s);
            return;
        }
        if (at < laneCount && lanes[at].key == k || laneCount == MAX_LANES) {
            heap.push(r, i, k, s);
            return;
        }
        Lane l = spareCount > 0 ? spare[--spareCount] : new Lane();
        l.key = k;
        System.arraycopy(lanes, at, lanes, at + 1, laneCount - at);
        lanes[at] = l;
        laneCount++;
        l.append(r, i, s);
    }

    /** A FIFO of entries with one key, as a ring. */
    private static final class Lane {
        long key;
        long[] seq = new long[16];
        int[] index = new int[16];
        RunExecution[] run = new RunExecution[16];
        int head;
        int size;

        boolean acceptsNext(long s) {
            return size == 0 || seq[(head + size - 1) & (seq.length - 1)] < s;
        }

        void append(RunExecution r, int i, long s) {
            if (size == seq.length) {
                grow();
            }
            int at = (head + size++) & (seq.length - 1);
            seq[at] = s;
            index[at] = i;
            run[at] = r;
        }

        void removeHead() {
            run[head] = null;
            head = (head + 1) & (seq.length - 1);
            size--;
        }

        private void grow() {
            int n = seq.length * 2;
            long[] s2 = new long[n];
            int[] i2 = new int[n];
            RunExecution[] r2 = new RunExecution[n];
            for (int k = 0; k < size; k++) {
                int from = (head + k) & (seq.length - 1);
                s2[k] = seq[from];
                i2[k] = index[from];
                r2[k] = run[from];
            }
            seq = s2;
            index = i2;
            run = r2;
            head = 0;
        }
    }

    /** A binary min-heap on (key, arrival), for keys that have no lane. */
    private static final class Heap {
        long[] key = new long[16];
        long[] seq = new long[16];
        int[] index = new int[16];
        RunExecution[] run = new RunExecution[16];
        int size;

        static boolean before(long k1, long s1, long k2, long s2) {
            return k1 < k2 || k1 == k2 && s1 < s2;
        }

        void push(RunExecution r, int i, long k, long s) {
            if (size == key.length) {
                int n = size * 2;
                key = Arrays.copyOf(key, n);
                seq = Arrays.copyOf(seq, n);
                index = Arrays.copyOf(index, n);
                run = Arrays.copyOf(run, n);
            }
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!before(k, s, key[parent], seq[parent])) {
                    break;
                }
                move(parent, at);
                at = parent;
            }
            set(at, k, s, i, r);
        }

        void removeTop() {
            int last = --size;
            long k = key[last];
            long s = seq[last];
            int ix = index[last];
            RunExecution r = run[last];
            run[last] = null;
            if (last == 0) {
                return;
            }
            int at = 0;
            int half = size >>> 1;
            while (at < half) {
                int child = 2 * at + 1;
                int right = child + 1;
                if (right < size && before(key[right], seq[right], key[child], seq[child])) {
                    child = right;
                }
                if (!before(key[child], seq[child], k, s)) {
                    break;
                }
                move(child, at);
                at = child;
            }
            set(at, k, s, ix, r);
        }

        private void move(int from, int to) {
            key[to] = key[from];
            seq[to] = seq[from];
            index[to] = index[from];
            run[to] = run[from];
        }

        private void set(int at, long k, long s, int ix, RunExecution r) {
            key[at] = k;
            seq[at] = s;
            index[at] = ix;
            run[at] = r;
        }
    }
}
