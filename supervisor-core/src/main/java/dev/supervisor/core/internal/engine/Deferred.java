package dev.supervisor.core.internal.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Work collected under the supervisor lock and run after it is released: launching attempts on the executor and
 * completing outcome futures, both of which may run foreign code that must never hold our lock.
 *
 * <p>With a same-thread executor, launching an attempt finishes it, which defers more work, and so on: a
 * trampoline per thread turns that recursion into a loop, so a million-task chain cannot overflow the stack. The
 * trampoline's queue is kept per thread and reused (this runs once per task).
 */
final class Deferred {
    private static final ThreadLocal<Trampoline> TRAMPOLINE = ThreadLocal.withInitial(Trampoline::new);
    /** Runnables to run, and attempts to launch (kept as they are: one fewer allocation per task). */
    private List<Object> actions;

    /** A thread's queue of actions, and whether an outer {@link #run()} on that thread is draining it. */
    private static final class Trampoline {
        final ArrayDeque<Object> queue = new ArrayDeque<>();
        boolean draining;
    }

    void add(Runnable r) {
        put(r);
    }

    /** Hands the attempt to the executor once the lock is released. */
    void launch(Attempt a) {
        put(a);
    }

    private void put(Object action) {
        if (actions == null) {
            actions = new ArrayList<>(4);
        }
        actions.add(action);
    }

    void run() {
        if (actions == null || actions.isEmpty()) {
            return;
        }
        Trampoline t = TRAMPOLINE.get();
        t.queue.addAll(actions);
        actions.clear();
        if (t.draining) {
            return; // an outer run() on this thread drains the queue
        }
        t.draining = true;
        try {
            Object o;
            while ((o = t.queue.poll()) != null) {
                if (o instanceof Attempt a) {
                    a.run.supervisor.launch(a);
                } else {
                    ((Runnable) o).run();
                }
            }
        } finally {
            t.draining = false;
            t.queue.clear(); // after a failure, like a dropped stack frame: nothing left for the next caller
        }
    }
}
