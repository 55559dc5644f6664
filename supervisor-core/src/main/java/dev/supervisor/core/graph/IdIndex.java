package dev.supervisor.core.graph;

/**
 * String → index map for task ids, with open addressing in one {@code long[]}: each slot packs the id's hash code
 * (high half) and its index + 1 (low half). A probe is one array read, a hash mismatch never touches a String, and
 * a hit is confirmed against {@code ids[index]}, an array filled in task order. At a million ids the lookups are
 * bound by cache misses, so this keeps them to about one per lookup. Storing no references in the hashed array also
 * spares the garbage collector's write barrier a million random stores into an old-generation array.
 */
final class IdIndex {
    private static final int MAX_RECENT_BITS = 14; // 64 KB: stays in a core's own cache
    private final String[] ids;
    private final long[] slots;
    /** Direct-mapped cache of recently put ids (index + 1, 0 when empty): see {@link #get}. */
    private final int[] recent;
    private final int mask;
    private final int shift;
    private final int recentShift;

    /** @param n the number of ids that will be put, with indexes 0 to n - 1 */
    IdIndex(int n) {
        ids = new String[n];
        int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1; // load <= 1/2
        slots = new long[cap];
        mask = cap - 1;
        shift = 32 - Integer.numberOfTrailingZeros(cap);
        int recentBits = Math.min(MAX_RECENT_BITS, Integer.numberOfTrailingZeros(cap) - 1);
        recent = new int[1 << recentBits];
        recentShift = 32 - recentBits;
    }

    /**
     * Records {@code key} as the id of task {@code index} and maps it to that index unless it is already mapped.
     *
     * @return the index the key was already mapped to, or -1
     */
    int putIfAbsent(String key, int index) {
        ids[index] = key;
        int h = key.hashCode();
        int i = slot(h);
        long s;
        while ((s = slots[i]) != 0) {
            if ((int) (s >>> 32) == h) {
                String k = ids[(int) s - 1];
                if (k == key || k.equals(key)) {
                    return (int) s - 1;
                }
            }
            i = (i + 1) & mask;
        }
        slots[i] = (long) h << 32 | (index + 1L);
        recent[recentSlot(h)] = index + 1;
        return -1;
    }

    /**
     * Workflows mostly depend on tasks declared shortly before, so a small cache of the latest ids, which stays in
     * the CPU cache, answers most lookups during validation without a miss in the large table. It only ever holds
     * indexes that the table maps to, so a hit is the right answer.
     *
     * @return the index of the key, or -1
     */
    int get(String key) {
        int h = key.hashCode();
        int r = recent[recentSlot(h)] - 1;
        if (r >= 0) {
            String k = ids[r];
            if (k == key || k.hashCode() == h && k.equals(key)) {
                return r;
            }
        }
        int i = slot(h);
        long s;
        while ((s = slots[i]) != 0) {
            if ((int) (s >>> 32) == h) {
                String k = ids[(int) s - 1];
                if (k == key || k.equals(key)) {
                    return (int) s - 1;
                }
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /**
     * Reads the slot where a lookup of the key starts, so that a batch of such reads, which do not depend on each
     * other, can wait for memory together instead of one by one.
     *
     * @return the slot's content, to be folded into a value that is kept (so the read is not optimized away)
     */
    long touch(String key) {
        return slots[slot(key.hashCode())];
    }

    private int recentSlot(int h) {
        return (h * 0x9E3779B9) >>> recentShift;
    }

    /** Fibonacci hashing: ids like "t1", "t2", ... have consecutive hash codes, which linear probing hates. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }
}
