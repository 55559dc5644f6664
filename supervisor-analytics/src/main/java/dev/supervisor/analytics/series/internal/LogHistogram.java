package dev.supervisor.analytics.series.internal;

import java.util.Arrays;

/**
 * A mergeable histogram with relative accuracy: positive values fall into bins of ratio 1.02 (about 1% relative
 * error on any quantile), zero and negative values are counted apart. Memory grows only with the range of
 * magnitudes actually seen (an int per bin between the smallest and largest).
 */
public final class LogHistogram {
    private static final double GAMMA = 1.02;
    private static final double LOG_GAMMA = Math.log(GAMMA);
    private int[] bins = new int[0];
    private int offset;
    private long positive;
    private long nonPositive;
    private double nonPositiveMin = Double.POSITIVE_INFINITY;

    /** @param v a value */
    public void add(double v) {
        if (!(v > 0)) {
            nonPositive++;
            nonPositiveMin = Math.min(nonPositiveMin, v);
            return;
        }
        addBin((int) Math.ceil(Math.log(v) / LOG_GAMMA), 1);
        positive++;
    }

    private void addBin(int index, int count) {
        if (bins.length == 0) {
            bins = new int[1];
            offset = index;
        } else if (index < offset) {
            int[] grown = new int[bins.length + (offset - index)];
            System.arraycopy(bins, 0, grown, offset - index, bins.length);
            bins = grown;
            offset = index;
        } else if (index >= offset + bins.length) {
            bins = Arrays.copyOf(bins, index - offset + 1);
        }
        bins[index - offset] += count;
    }

    /** @param other a histogram to add into this one */
    public void merge(LogHistogram other) {
        for (int i = 0; i < other.bins.length; i++) {
            if (other.bins[i] != 0) {
                addBin(other.offset + i, other.bins[i]);
            }
        }
        positive += other.positive;
        nonPositive += other.nonPositive;
        nonPositiveMin = Math.min(nonPositiveMin, other.nonPositiveMin);
    }

    /**
     * @param q quantile in [0, 1]
     * @return the value at q (within about 1%), NaN when empty; values ≤ 0 report the smallest of them
     */
    public double quantile(double q) {
        long total = positive + nonPositive;
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(q * total);
        if (rank <= nonPositive) {
            return nonPositiveMin > 0 ? 0 : nonPositiveMin;
        }
        long seen = nonPositive;
        for (int i = 0; i < bins.length; i++) {
            seen += bins[i];
            if (seen >= rank) {
                return 2 * Math.pow(GAMMA, offset + i) / (1 + GAMMA);
            }
        }
        return 2 * Math.pow(GAMMA, offset + bins.length - 1) / (1 + GAMMA);
    }
}
