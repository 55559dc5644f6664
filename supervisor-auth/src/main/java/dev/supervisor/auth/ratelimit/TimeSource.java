package dev.supervisor.auth.ratelimit;

import java.util.concurrent.locks.LockSupport;

/**
 * Monotonic time and waiting, injectable so tests run on a fake clock.
 */
public interface TimeSource {
    /** @return monotonic nanoseconds (as {@link System#nanoTime()}) */
    long nanoTime();

    /**
     * Waits about {@code nanos}.
     *
     * @param nanos how long
     * @throws InterruptedException if interrupted while waiting
     */
    void park(long nanos) throws InterruptedException;

    /** @return the system's monotonic clock */
    static TimeSource system() {
        return new TimeSource() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void park(long nanos) throws InterruptedException {
                LockSupport.parkNanos(nanos);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        };
    }
}
