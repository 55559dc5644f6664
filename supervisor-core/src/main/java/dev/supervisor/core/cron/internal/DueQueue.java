package dev.supervisor.core.cron.internal;

import java.time.Instant;
import java.util.Arrays;

/**
 * Schedules by due time (then by when they were queued), as a binary min-heap whose keys live in primitive arrays
 * and whose entries know their position. Taking the head compares numbers instead of chasing 100k entry and
 * instant objects spread over the heap, and removing a paused or deleted schedule is O(log n) instead of a scan.
 * Guarded by the scheduler lock.
 */
final class DueQueue {
    private long[] sec = new long[16];
    private int[] nano = new int[16];
    private long[] seq = new long[16];
    private ScheduleEntry[] entries = new ScheduleEntry[16];
    private int size;

    int size() {
        return size;
    }

    /** @return the entry due first, or null */
    ScheduleEntry peek() {
        return size == 0 ? null : entries[0];
    }

    /** @return whether the head is due at or before {@code now} */
    boolean headDueBy(Instant now) {
        if (size == 0) {
            return false;
        }
        long s = now.getEpochSecond();
        return sec[0] < s || sec[0] == s && nano[0] <= now.getNano();
    }

    /** Queues an entry that is not queued, due at {@code due}, ordered after everything queued before it. */
    void add(ScheduleEntry e, Instant due, long order) {
        if (e.heapIndex >= 0) {
            throw new IllegalStateException("schedule '" + e.spec.id() + "' is already queued");
        }
        if (size == entries.length) {
            int n = size * 2;
            sec = Arrays.copyOf(sec, n);
            nano = Arrays.copyOf(nano, n);
            seq = Arrays.copyOf(seq, n);
            entries = Arrays.copyOf(entries, n);
        }
        int at = size++;
        set(at, due.getEpochSecond(), due.getNano(), order, e);
        siftUp(at);
    }

    /** @return the head, removed, or null */
    ScheduleEntry poll() {
        if (size == 0) {
            return null;
        }
        ScheduleEntry head = entries[0];
        removeAt(0);
        return head;
    }

    /** Removes a queued entry; does nothing if it is not queued. */
    void remove(ScheduleEntry e) {
        if (e.heapIndex >= 0) {
            removeAt(e.heapIndex);
        }
    }

    private void removeAt(int i) {
        entries[i].heapIndex = -1;
        int last = --size;
        if (i != last) {
            set(i, sec[last], nano[last], seq[last], entries[last]);
            entries[last] = null;
            if (!siftUp(i)) {
                siftDown(i);
            }
        } else {
            entries[last] = null;
        }
    }

    private boolean before(int a, int b) {
        if (sec[a] != sec[b]) {
            return sec[a] < sec[b];
        }
        if (nano[a] != nano[b]) {
            return nano[a] < nano[b];
        }
        return seq[a] < seq[b];
    }

    /** @return whether the entry moved */
    private boolean siftUp(int i) {
        int at = i;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(at, parent)) {
                break;
            }
            swap(at, parent);
            at = parent;
        }
        return at != i;
    }

    private void siftDown(int i) {
        int at = i;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && before(child + 1, child)) {
                child++;
            }
            if (!before(child, at)) {
                return;
            }
            swap(at, child);
            at = child;
        }
    }

    private void swap(int a, int b) {
        long s = sec[a];
        int n = nano[a];
        long q = seq[a];
        ScheduleEntry e = entries[a];
        set(a, sec[b], nano[b], seq[b], entries[b]);
        set(b, s, n, q, e);
    }

    private void set(int at, long s, int n, long q, ScheduleEntry e) {
        sec[at] = s;
        nano[at] = n;
        seq[at] = q;
        entries[at] = e;
        e.heapIndex = at;
    }
}
