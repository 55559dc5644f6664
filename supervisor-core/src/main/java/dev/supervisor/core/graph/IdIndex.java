package dev.supervisor.core.graph;

/**
 * String → index map with open addressing over plain arrays: no boxing and no entry objects. At a million ids the
 * lookups are bound by cache misses, so each probe touches as few arrays as possible (keeping hash codes in a
 * side array measured slower: one more miss per hit).
 */
final class IdIndex {
    private final String[] keys;
    private final int[] values;
    private final int mask;
    private final int shift;

    IdIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 4 - 1)) << 1; // load <= 1/4: few probes
        keys = new String[cap];
        values = new int[cap];
        mask = cap - 1;
        shift = 32 - Integer.numberOfTrailingZeros(cap);
    }

    /** @return the index already stored for the key, or -1 after storing {@code value} */
    int putIfAbsent(String key, int value) {
        int h = slot(key.hashCode());
        while (true) {
            String k = keys[h];
            if (k == null) {
                keys[h] = key;
                values[h] = value;
                return -1;
            }
            if (k == key || k.equals(key)) {
                return values[h];
            }
            h = (h + 1) & mask;
        }
    }

    /** @return the index of the key, or -1 */
    int get(String key) {
        int h = slot(key.hashCode());
        while (true) {
            String k = keys[h];
            if (k == null) {
                return -1;
            }
            if (k == key || k.equals(key)) {
                return values[h];
            }
            h = (h + 1) & mask;
        }
    }

    /** Fibonacci hashing: ids like "t1", "t2", ... have consecutive hash codes, which linear probing hates. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }
}
