package dev.supervisor.core;

import java.time.Duration;

/**
 * Runs actions after a delay: retry back-offs, per-attempt timeouts and run timeouts. The default uses a
 * daemon {@link java.util.concurrent.ScheduledExecutorService}; tests inject
 * {@link dev.supervisor.core.testing.ManualClock}, which fires actions only when time is advanced.
 */
@FunctionalInterface
public interface DelayScheduler {
    /**
     * @param action what to run; must not block
     * @param delay how long from now, zero or positive
     * @return a handle that cancels the action if it has not run yet
     */
    Cancellable schedule(Runnable action, Duration delay);

    /**
     * A scheduled action that can be withdrawn.
     */
    @FunctionalInterface
    interface Cancellable {
        /** Withdraws the action if it has not started. Idempotent. */
        void cancel();
    }
}
