package dev.supervisor.core.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Work collected under the supervisor lock and run after it is released: launching attempts on the executor and
 * completing outcome futures, both of which may run foreign code that must never hold our lock.
 *
 * <p>With a same-thread executor, launching an attempt finishes it, which defers more work, and so on: a
 * trampoline per thread turns that recursion into a loop, so a million-task chain cannot overflow the stack.
 */
final class Deferred {
    private static final ThreadLocal<ArrayDeque<Runnable>> DRAINING = new ThreadLocal<>();
    private List<Runnable> actions;

    void add(Runnable r) {
        if (actions == null) {
            actions = new ArrayList<>(4);
        }
        actions.add(r);
    }

    void run() {
        if (actions == null) {
            return;
        }
        ArrayDeque<Runnable> outer = DRAINING.get();
        if (outer != null) {
            outer.addAll(actions);
            actions.clear();
            return;
        }
        ArrayDeque<Runnable> queue = new ArrayDeque<>(actions);
        actions.clear();
        DRAINING.set(queue);
        try {
            Runnable r;
            while ((r = queue.poll()) != null) {
                r.run();
            }
        } finally {
            DRAINING.remove();
        }
    }
}
