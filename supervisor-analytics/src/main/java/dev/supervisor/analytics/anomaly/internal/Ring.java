package dev.supervisor.analytics.anomaly.internal;

/** A fixed-size window of the last values with running sum and sum of squares (recomputed every wrap). */
public final class Ring {
    private final double[] buf;
    private int size;
    private int head;
    private double sum;
    private double sumSq;

    /** @param capacity window length */
    public Ring(int capacity) {
        this.buf = new double[capacity];
    }

    /** @param v the new value; the oldest leaves once full */
    public void add(double v) {
        if (size == buf.length) {
            double old = buf[head];
            sum -= old;
            sumSq -= old * old;
        } else {
            size++;
        }
        buf[head] = v;
        sum += v;
        sumSq += v * v;
        head = (head + 1) % buf.length;
        if (head == 0) {
            // Drift control: recompute the sums once per lap.
            sum = 0;
            sumSq = 0;
            for (int i = 0; i < size; i++) {
                sum += buf[i];
                sumSq += buf[i] * buf[i];
            }
        }
    }

    /** @return values held */
    public int size() {
        return size;
    }

    /** @return true when full */
    public boolean full() {
        return size == buf.length;
    }

    /** @return the mean */
    public double mean() {
        return size == 0 ? 0 : sum / size;
    }

    /** @return the sample standard deviation */
    public double std() {
        if (size < 2) {
            return 0;
        }
        double var = (sumSq - sum * sum / size) / (size - 1);
        return var > 0 ? Math.sqrt(var) : 0;
    }

    /** @param i 0 = oldest @return the value */
    public double get(int i) {
        int start = size == buf.length ? head : 0;
        return buf[(start + i) % buf.length];
    }

    /** @return the newest value */
    public double last() {
        return buf[(head - 1 + buf.length) % buf.length];
    }

    /** @return capacity */
    public int capacity() {
        return buf.length;
    }
}
