package dev.supervisor.core.plugin;

/** Counters of one plugin's callbacks since it last started. */
public interface PluginStats {
    /** @return callbacks that returned normally */
    long completed();

    /** @return callbacks that threw */
    long failures();

    /** @return callbacks that overran the host's time limit */
    long timeouts();

    /** @return deliveries refused because the plugin's queue was full or it was quarantined */
    long dropped();

    /** @return failures since the last callback that returned normally */
    int consecutiveFailures();
}
