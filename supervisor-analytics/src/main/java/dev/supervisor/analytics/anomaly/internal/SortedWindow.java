package dev.supervisor.analytics.anomaly.internal;

import java.util.Arrays;

/** The last W values kept both in arrival order and sorted, for rolling median and MAD in O(W) per update. */
public final class SortedWindow {
    private final double[] ring;
    private final double[] sorted;
    private int size;
    private int head;

    /** @param capacity window length */
    public SortedWindow(int capacity) {
        ring = new double[capacity];
        sorted = new double[capacity];
    }

    /** @param v the new value */
    public void add(double v) {
        if (size == ring.length) {
            double old = ring[head];
            int i = Arrays.binarySearch(sorted, 0, size, old);
            System.arraycopy(sorted, i + 1, sorted, i, size - i - 1);
            size--;
        }
        ring[head] = v;
        head = (head + 1) % ring.length;
        int pos = Arrays.binarySearch(sorted, 0, size, v);
        if (pos < 0) {
            pos = -pos - 1;
        }
        System.arraycopy(sorted, pos, sorted, pos + 1, size - pos);
        sorted[pos] = v;
        size++;
    }

    /** @return values held */
    public int size() {
        return size;
    }

    /** @param rank 0 = smallest @return the value of that rank */
    public double get(int rank) {
        return sorted[rank];
    }

    /** @param v a value @return how many held values are smaller than v */
    public int countBelow(double v) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return the median */
    public double median() {
        if (size == 0) {
            return 0;
        }
        return size % 2 == 1 ? sorted[size / 2] : 0.5 * (sorted[size / 2 - 1] + sorted[size / 2]);
    }

    /** @return the median absolute deviation from the median */
    public double mad() {
        if (size == 0) {
            return 0;
        }
        double m = median();
        // |sorted - m| is two sorted runs meeting at the median: merge outwards up to the middle rank.
        int lo = size / 2 - 1;
        int hi = size / 2;
        if (size % 2 == 1) {
            lo = size / 2 - 1;
            hi = size / 2;
        }
        int need = size / 2 + 1;
        double prev = 0;
        double cur = 0;
        for (int k = 0; k < need; k++) {
            double dl = lo >= 0 ? m - sorted[lo] : Double.MAX_VALUE;
            double dh = hi < size ? sorted[hi] - m : Double.MAX_VALUE;
            prev = cur;
            if (dl <= dh) {
                cur = dl;
                lo--;
            } else {
                cur = dh;
                hi++;
            }
        }
        return size % 2 == 1 ? cur : 0.5 * (prev + cur);
    }
}
