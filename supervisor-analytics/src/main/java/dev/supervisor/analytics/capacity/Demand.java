package dev.supervisor.analytics.capacity;

import java.time.Instant;

/** Calls started per minute over a lookback, as a ring of minute counters. */
final class Demand {
    private final long[] minute;
    private final double[] counts;
    private long first = Long.MAX_VALUE;

    Demand(int lookbackMinutes) {
        minute = new long[lookbackMinutes];
        counts = new double[lookbackMinutes];
        java.util.Arrays.fill(minute, Long.MIN_VALUE);
    }

    void add(Instant at) {
        long m = Math.floorDiv(at.toEpochMilli(), 60_000L);
        int slot = (int) Math.floorMod(m, (long) minute.length);
        if (minute[slot] != m) {
            minute[slot] = m;
            counts[slot] = 0;
        }
        counts[slot]++;
        first = Math.min(first, m);
    }

    /** @return the counts of the complete minutes before {@code now}, oldest first, since the first call seen */
    double[] series(Instant now) {
        long end = Math.floorDiv(now.toEpochMilli(), 60_000L);
        long start = Math.max(first, end - minute.length);
        int n = (int) Math.max(2, end - start);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long m = end - n + i;
            int slot = (int) Math.floorMod(m, (long) minute.length);
            out[i] = minute[slot] == m ? counts[slot] : 0;
        }
        return out;
    }
}
