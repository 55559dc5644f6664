package dev.supervisor.core.cron;

/**
 * What a schedule does when it is due while its previous fire is still running.
 */
public enum OverlapPolicy {
    /** Drop the new fire (default). */
    SKIP,
    /** Keep one fire waiting and start it when the running one ends; drop any further ones meanwhile. */
    BUFFER_ONE,
    /** Queue every fire and start them one after another (at most 10,000 waiting; beyond, the oldest is dropped). */
    BUFFER_ALL,
    /** Ask the running fire to cancel and start the new one at once. */
    CANCEL_RUNNING,
    /** Start the new fire alongside the running one. */
    ALLOW
}
