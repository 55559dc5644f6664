package dev.supervisor.core.plugin.internal;

import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.plugin.PluginStats;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One plugin's threads: a fixed pool with a bounded queue, so a plugin never blocks the caller nor piles up
 * unbounded work. Each callback is timed by the host's {@link DelayScheduler}; one that overruns is interrupted
 * and quarantines the plugin, and so do {@code maxFailures} failures in a row or an {@link Error} from plugin
 * code. A quarantined bulkhead refuses everything and fails what was queued.
 *
 * <p>The threads are started at once, from the host's thread: threads created later from a plugin's own call stack
 * would capture its access control context and with it its class loader, for the thread's whole life.
 */
final class Bulkhead {
    /** Why a callback did not complete: the plugin timed out or was quarantined. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Room kept beyond the queue's capacity for the host's own calls: a flood of events must not refuse stop(). */
    private static final int RESERVED = 8;
    private final String pluginId;
    private final ThreadPoolExecutor executor;
    private final int capacity;
    private final DelayScheduler timer;
    private final Duration timeout;
    private final int maxFailures;
    private final Consumer<String> onQuarantine;
    private final AtomicBoolean quarantined = new AtomicBoolean();
    /**
     * Set before a timed-out callback's thread is interrupted, as the timeout always quarantines: the interrupted
     * thread could otherwise take the next queued callback before the timer's thread got to {@link #quarantine}.
     */
    private volatile boolean refusing;
    private volatile String quarantineReason = "";
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger consecutive = new AtomicInteger();

    Bulkhead(String pluginId, ClassLoader loader, int threads, int queue, DelayScheduler timer, Duration timeout,
             int maxFailures, Consumer<String> onQuarantine) {
        this.pluginId = pluginId;
        this.timer = timer;
        this.timeout = timeout;
        this.maxFailures = maxFailures;
        this.onQuarantine = onQuarantine;
        this.capacity = queue;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue + RESERVED), r -> {
                    Thread t = new Thread(r, "plugin-" + pluginId + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setContextClassLoader(loader); // ServiceLoader and friends inside the plugin find its classes
                    return t;
                });
        executor.prestartAllCoreThreads();
    }

    /**
     * Queues a callback without waiting. Its failures count towards quarantine.
     *
     * @return false if refused (queue full, or quarantined)
     */
    boolean offer(String what, Callable<?> body) {
        if (executor.getQueue().size() >= capacity) {
            dropped.incrementAndGet();
            return false;
        }
        return submit(new Job<>(what, body, true)) != null;
    }

    /**
     * Runs a callback on the plugin's threads.
     *
     * @param counted whether a failure counts towards quarantine (start and stop fail the plugin by themselves)
     * @return its result; completes exceptionally with the plugin's exception, or {@link Refused}
     */
    <T> CompletableFuture<T> call(String what, Callable<T> body, boolean counted) {
        Job<T> job = new Job<>(what, body, counted);
        return submit(job) != null ? job.token.result
                : CompletableFuture.failedFuture(new Refused("plugin '" + pluginId + "' refused " + what + ": "
                        + (quarantined.get() || refusing ? refusal() : "its queue is full")));
    }

    private <T> Job<T> submit(Job<T> job) {
        if (quarantined.get() || refusing) {
            dropped.incrementAndGet();
            return null;
        }
        try {
            executor.execute(job);
            return job;
        } catch (RejectedExecutionException e) {
            dropped.incrementAndGet();
            return null;
        }
    }

    /** What the timer holds on to: no reference to the callback's code, only to the thread running it. */
    private final class Token<T> {
        final String what;
        final CompletableFuture<T> result = new CompletableFuture<>();
        private Thread runner;
        private boolean finished;
        private boolean timedOut;

        Token(String what) {
            this.what = what;
        }

        synchronized void begin() {
            runner = Thread.currentThread();
        }

        /** @return false if the callback had already timed out */
        synchronized boolean finish() {
            finished = true;
            runner = null;
            return !timedOut;
        }

        void timeout() {
            synchronized (this) {
                if (finished) {
                    return;
                }
                timedOut = true;
                refusing = true;
                runner.interrupt();
            }
            timeouts.incrementAndGet();
            String reason = "timed out after " + timeout + " in " + what;
            result.completeExceptionally(new Refused("plugin '" + pluginId + "' " + reason));
            quarantine(reason);
        }
    }

    private final class Job<T> implements Runnable {
        final Callable<T> body;
        final boolean counted;
        final Token<T> token;

        Job(String what, Callable<T> body, boolean counted) {
            this.body = body;
            this.counted = counted;
            this.token = new Token<>(what);
        }

        @Override
        public void run() {
            if (quarantined.get() || refusing) {
                abort();
                return;
            }
            token.begin();
            Token<T> t = token;
            DelayScheduler.Cancellable alarm = timer.schedule(t::timeout, timeout);
            T value = null;
            Throwable failure = null;
            try {
                value = body.call();
            } catch (Throwable e) { // plugin code: whatever it throws is its failure, Errors included
                failure = e;
            } finally {
                alarm.cancel();
            }
            boolean inTime = t.finish();
            Thread.interrupted(); // an interrupt meant for this callback must not reach the next one
            if (!inTime) {
                return;
            }
            if (failure == null) {
                completed.incrementAndGet();
                if (counted) {
                    consecutive.set(0);
                }
                t.result.complete(value);
            } else {
                failed(t.what, failure);
                t.result.completeExceptionally(failure);
            }
        }

        void abort() {
            dropped.incrementAndGet();
            token.result.completeExceptionally(new Refused("plugin '" + pluginId + "' is quarantined: " + refusal()));
        }

        private void failed(String what, Throwable e) {
            failures.incrementAndGet();
            int inARow = counted ? consecutive.incrementAndGet() : 0;
            if (e instanceof Error) {
                quarantine("threw " + e + " in " + what);
            } else if (inARow >= maxFailures) {
                quarantine("failed " + inARow + " times in a row; last in " + what + ": " + e);
            }
        }
    }

    private String refusal() {
        String reason = quarantineReason;
        return reason.isEmpty() ? "a callback timed out" : reason; // empty while a timeout is being turned into one
    }

    /** Stops taking work, fails what is queued, interrupts what runs, and tells the host once. */
    void quarantine(String reason) {
        if (!quarantined.compareAndSet(false, true)) {
            return;
        }
        quarantineReason = reason;
        for (Runnable r : executor.shutdownNow()) {
            ((Job<?>) r).abort();
        }
        onQuarantine.accept(reason);
    }

    /**
     * Lets queued work finish, then ends the threads, waiting up to {@code grace} (real time: threads end on their
     * own schedule); a thread still running after that is interrupted and left behind.
     *
     * @return true if every thread ended
     */
    boolean shutdown(Duration grace) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Runnable r : executor.shutdownNow()) {
            ((Job<?>) r).abort();
        }
        return executor.isTerminated();
    }

    PluginStats stats() {
        return new Counters(completed.get(), failures.get(), timeouts.get(), dropped.get(), consecutive.get());
    }
}
