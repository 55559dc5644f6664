package dev.supervisor.core.graph;

/**
 * String → index map for task ids, with open addressing in one {@code long[]}: each slot packs the id's hash code
 * (high half) and its index + 1 (low half). A probe is one array read, a hash mismatch never touches a String, and
 * a hit is confirmed against {@code ids[index]}, an array filled in task order. At a million ids the lookups are
 * bound by cache misses, so this keeps them to about one per lookup. Storing no references in the hashed array also
 * spares the garbage collector's write barrier a million random stores into an old-generation array.
 */
final class IdIndex {
    private final String[] ids;
    private final long[] slots;
    private final int mask;
    private final int shift;

    /** @param n the number of ids that will be put, with indexes 0 to n - 1 */
    IdIndex(int n) {
        ids = new String[n];
        int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1; // load <= 1/2
        slots = new long[cap];
        mask = cap - 1;
        shift = 32 - Integer.numberOfTrailingZeros(cap);
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
        return -1;
    }

    /** @return the index of the key, or -1 */
    int get(String key) {
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
        return -1;
    }

    /** Fibonacci hashing: ids like "t1", "t2", ... have consecutive hash codes, which linear probing hates. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }
}
