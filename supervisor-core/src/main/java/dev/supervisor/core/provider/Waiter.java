package dev.supervisor.core.provider;

import java.time.Instant;

/**
 * How the blocking {@link ProviderRouter#route} waits when every eligible provider is busy or blocked. The default
 * waits on real time and wakes early whenever a call finishes; tests inject one that advances a manual clock.
 */
@FunctionalInterface
public interface Waiter {
    /**
     * Returns at {@code until} at the latest, possibly earlier.
     *
     * @param until the time to wait for, by the router's clock
     * @throws InterruptedException if the thread is interrupted
     */
    void awaitUntil(Instant until) throws InterruptedException;
}
