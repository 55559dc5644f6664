package dev.supervisor.analytics.capacity;

import java.util.Arrays;

/** The latest values, oldest overwritten first. */
final class Ring {
    private final double[] values;
    private int next;
    private int size;

    Ring(int capacity) {
        values = new double[capacity];
    }

    void add(double v) {
        values[next] = v;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    int size() {
        return size;
    }

    /** @return a copy of the values held, in no particular order */
    double[] values() {
        return Arrays.copyOf(values, size);
    }
}
