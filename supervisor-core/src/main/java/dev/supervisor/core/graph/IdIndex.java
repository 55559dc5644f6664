package dev.supervisor.core.graph;

import dev.supervisor.api.TaskSpec;
import java.util.Arrays;
import java.util.List;

/**
 * String → index map for task ids, with open addressing in one {@code long[]}: each slot packs the id's hash code
 * (high half) and its index + 1 (low half). A probe is one array read, a hash mismatch never touches a String, and
 * a hit is confirmed against the id of the task at that index. Storing no references (not even an array of the ids)
 * also spares the garbage collector's write barrier a million stores into an old-generation array.
 *
 * <p>At a million ids the table is far larger than the CPU caches, so every random probe is a cache (and TLB) miss.
 * Two things avoid most of them: {@link #build} fills the table one region at a time, and lookups first try a small
 * cache of the latest ids put one by one, since workflows mostly depend on tasks declared shortly before.
 */
final class IdIndex {
    private static final int MAX_RECENT_BITS = 14; // 64 KB: stays in a core's own cache
    /** Below this many ids the table fits in the cache and {@link #build} simply puts them in order. */
    private static final int PARTITION_THRESHOLD = 1 << 16;
    private static final int PARTITION_BITS = 10;
    private final List<TaskSpec> tasks;
    private final long[] slots;
    /** Direct-mapped cache of ids put one by one (index + 1, 0 when empty): see {@link #get}. */
    private final int[] recent;
    private final int mask;
    private final int shift;
    private final int recentShift;
    private long[] repeats = new long[0];

    /**
     * An empty index, to {@link #putIfAbsent put} the ids of the tasks one by one.
     *
     * @param tasks the tasks whose ids will be put
     */
    IdIndex(List<TaskSpec> tasks) {
        this.tasks = tasks;
        int cap = capacity(tasks.size());
        slots = new long[cap];
        mask = cap - 1;
        shift = 32 - Integer.numberOfTrailingZeros(cap);
        int recentBits = Math.min(MAX_RECENT_BITS, Integer.numberOfTrailingZeros(cap) - 1);
        recent = new int[1 << recentBits];
        recentShift = 32 - recentBits;
    }

    private static int capacity(int n) {
        return Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1; // load <= 1/2
    }

    /**
     * Indexes all ids at once. Entries are first grouped by the region of the table they hash to (a counting sort,
     * two sequential passes), then each region is filled while it is in the cache; within a region ids go in task
     * order, so the first occurrence of a repeated id is the one kept, as with {@link #putIfAbsent}.
     *
     * @param tasks the tasks
     * @param hashes the hash codes of their ids
     * @return the index; {@link #repeats()} tells which ids repeat
     */
    static IdIndex build(List<TaskSpec> tasks, int[] hashes) {
        IdIndex index = new IdIndex(tasks);
        int n = tasks.size();
        long[] repeats = new long[0];
        int count = 0;
        if (n < PARTITION_THRESHOLD) {
            for (int i = 0; i < n; i++) {
                int first = index.insert(hashes[i], i);
                if (first >= 0) {
                    repeats = add(repeats, count++, i, first);
                }
            }
        } else {
            int regionShift = 32 - PARTITION_BITS; // the top bits of a slot number
            int[] cursor = new int[(1 << PARTITION_BITS) + 1];
            for (int i = 0; i < n; i++) {
                cursor[((hashes[i] * 0x9E3779B9) >>> regionShift) + 1]++;
            }
            for (int r = 0; r < 1 << PARTITION_BITS; r++) {
                cursor[r + 1] += cursor[r];
            }
            long[] grouped = new long[n];
            for (int i = 0; i < n; i++) {
                int h = hashes[i];
                grouped[cursor[(h * 0x9E3779B9) >>> regionShift]++] = (long) h << 32 | i;
            }
            for (long e : grouped) {
                int i = (int) e;
                int first = index.insert((int) (e >>> 32), i);
                if (first >= 0) {
                    repeats = add(repeats, count++, i, first);
                }
            }
        }
        repeats = Arrays.copyOf(repeats, count);
        Arrays.sort(repeats); // into task order
        index.repeats = repeats;
        return index;
    }

    private static long[] add(long[] a, int count, int task, int first) {
        long[] b = count == a.length ? Arrays.copyOf(a, Math.max(8, count * 2)) : a;
        b[count] = (long) task << 32 | first;
        return b;
    }

    /**
     * @return for each task whose id repeats an earlier task's, {@code task << 32 | earlier}, in task order (empty
     *     unless built by {@link #build})
     */
    long[] repeats() {
        return repeats;
    }

    /**
     * Maps {@code key}, the id of task {@code index}, to that index unless it is already mapped.
     *
     * @return the index the key was already mapped to, or -1
     */
    int putIfAbsent(String key, int index) {
        int h = key.hashCode();
        int first = insert(h, index);
        if (first < 0) {
            recent[recentSlot(h)] = index + 1;
        }
        return first;
    }

    /** Maps the id of task {@code index} (hash h) to index unless already mapped; returns the earlier index or -1. */
    private int insert(int h, int index) {
        String key = null;
        int i = slot(h);
        long s;
        while ((s = slots[i]) != 0) {
            if ((int) (s >>> 32) == h) {
                key = key == null ? tasks.get(index).id() : key;
                String k = tasks.get((int) s - 1).id();
                if (k == key || k.equals(key)) {
                    return (int) s - 1;
                }
            }
            i = (i + 1) & mask;
        }
        slots[i] = (long) h << 32 | (index + 1L);
        return -1;
    }

    /**
     * Tries the cache of recently put ids (it only ever holds indexes the table maps to, so a hit is the answer),
     * then the table.
     *
     * @return the index of the key, or -1
     */
    int get(String key) {
        int h = key.hashCode();
        int r = recent[recentSlot(h)] - 1;
        if (r >= 0) {
            String k = tasks.get(r).id();
            if (k == key || k.hashCode() == h && k.equals(key)) {
                return r;
            }
        }
        int i = slot(h);
        long s;
        while ((s = slots[i]) != 0) {
            if ((int) (s >>> 32) == h) {
                String k = tasks.get((int) s - 1).id();
                if (k == key || k.equals(key)) {
                    return (int) s - 1;
                }
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private int recentSlot(int h) {
        return (h * 0x9E3779B9) >>> recentShift;
    }

    /** Fibonacci hashing: ids like "t1", "t2", ... have consecutive hash codes, which linear probing hates. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }
}
