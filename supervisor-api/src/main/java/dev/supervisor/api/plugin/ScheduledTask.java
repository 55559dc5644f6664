package dev.supervisor.api.plugin;

/**
 * Code a plugin scheduled through {@link PluginContext#schedule}.
 */
@FunctionalInterface
public interface ScheduledTask {
    /** Withdraws the task if it has not started. Idempotent. */
    void cancel();
}
