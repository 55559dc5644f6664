package dev.supervisor.core.plugin;

/**
 * Counters of one plugin's callbacks since it last started.
 *
 * @param completed callbacks that returned normally
 * @param failures callbacks that threw
 * @param timeouts callbacks that overran the host's time limit
 * @param dropped deliveries refused because the plugin's queue was full or it was quarantined
 * @param consecutiveFailures failures since the last callback that returned normally
 */
public record PluginStats(long completed, long failures, long timeouts, long dropped, int consecutiveFailures) {
}
