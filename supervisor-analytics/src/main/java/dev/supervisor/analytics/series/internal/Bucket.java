package dev.supervisor.analytics.series.internal;

/** Count, sum, min, max and a histogram of the samples in one time bucket. Mergeable. */
public final class Bucket {
    /** Bucket start, epoch milliseconds. */
    public final long start;
    public long count;
    public double sum;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;
    public final LogHistogram histogram = new LogHistogram();

    /** @param start bucket start, epoch milliseconds */
    public Bucket(long start) {
        this.start = start;
    }

    /** @param v a sample */
    public void add(double v) {
        count++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
        histogram.add(v);
    }

    /** @param b another bucket folded into this one */
    public void merge(Bucket b) {
        count += b.count;
        sum += b.sum;
        min = Math.min(min, b.min);
        max = Math.max(max, b.max);
        histogram.merge(b.histogram);
    }
}
