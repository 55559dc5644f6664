package dev.supervisor.core.internal.engine;

import java.util.Arrays;

/** A growable stack of ints, so propagation allocates no boxed integers. */
final class IntStack {
    private int[] items = new int[16];
    private int size;

    void push(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    int pop() {
        return items[--size];
    }

    boolean isEmpty() {
        return size == 0;
    }
}
