package dev.supervisor.analytics.anomaly.internal;

/**
 * The smallest and largest of roughly the last {@code horizon} values, kept as per-block extremes in 32 blocks (so
 * the horizon is honoured to within one block) with O(1) memory; with an unbounded horizon, of all values.
 */
public final class RecentRange {
    private static final int BLOCKS = 32;
    private final boolean bounded;
    private final int block;
    private final double[] mins;
    private final double[] maxs;
    private int blocks;
    private int head;
    private int inBlock;
    private double curMin = Double.POSITIVE_INFINITY;
    private double curMax = Double.NEGATIVE_INFINITY;
    private long seen;

    /** @param horizon values remembered, or {@link Integer#MAX_VALUE} for all */
    public RecentRange(int horizon) {
        this.bounded = horizon != Integer.MAX_VALUE;
        this.block = Math.max(1, horizon / BLOCKS);
        this.mins = new double[bounded ? BLOCKS : 0];
        this.maxs = new double[bounded ? BLOCKS : 0];
    }

    /** @param v a finite value */
    public void add(double v) {
        curMin = Math.min(curMin, v);
        curMax = Math.max(curMax, v);
        seen++;
        if (bounded && ++inBlock == block) {
            mins[head] = curMin;
            maxs[head] = curMax;
            head = (head + 1) % BLOCKS;
            blocks = Math.min(blocks + 1, BLOCKS);
            inBlock = 0;
            curMin = Double.POSITIVE_INFINITY;
            curMax = Double.NEGATIVE_INFINITY;
        }
    }

    /** @return values added so far */
    public long seen() {
        return seen;
    }

    /** @return the smallest remembered value (+∞ before any) */
    public double min() {
        double m = curMin;
        for (int i = 0; i < blocks; i++) {
            m = Math.min(m, mins[i]);
        }
        return m;
    }

    /** @return the largest remembered value (−∞ before any) */
    public double max() {
        double m = curMax;
        for (int i = 0; i < blocks; i++) {
            m = Math.max(m, maxs[i]);
        }
        return m;
    }
}
