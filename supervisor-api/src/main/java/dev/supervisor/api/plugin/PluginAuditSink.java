package dev.supervisor.api.plugin;

/**
 * Where the plugin host writes its audit trail: capabilities granted at start, requests denied, plugins
 * quarantined. An audit log (for example {@code supervisor-auth}'s hash-chained one) implements it with a
 * one-line adapter that records {@link PluginAuditRecord#owaspEvent()}. Implementations must be thread-safe and
 * quick: they are called on plugin threads.
 */
@FunctionalInterface
public interface PluginAuditSink {
    /**
     * @param record what happened
     */
    void record(PluginAuditRecord record);
}
