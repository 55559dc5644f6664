package dev.supervisor.benchmarks.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The floor the engine is compared with: a bare in-degree (Kahn) loop on the same executor — one atomic
 * decrement per edge, one executor hand-off per task, no states, store, events, caps or priorities.
 */
final class KahnBaseline {
    private final LayeredDag dag;
    private final int[][] succ;

    KahnBaseline(LayeredDag dag) {
        this.dag = dag;
        this.succ = dag.successors();
    }

    void run(Executor executor) throws InterruptedException {
        AtomicIntegerArray remaining = new AtomicIntegerArray(dag.n);
        for (int i = 0; i < dag.n; i++) {
            remaining.set(i, dag.parents[i].length);
        }
        CountDownLatch done = new CountDownLatch(dag.n);
        for (int i = 0; i < dag.n; i++) {
            if (dag.parents[i].length == 0) {
                submit(executor, i, remaining, done);
            }
        }
        done.await();
    }

    private void submit(Executor executor, int task, AtomicIntegerArray remaining, CountDownLatch done) {
        executor.execute(() -> {
            for (int s : succ[task]) {
                if (remaining.decrementAndGet(s) == 0) {
                    submit(executor, s, remaining, done);
                }
            }
            done.countDown();
        });
    }
}
