package dev.supervisor.api.plugin;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the plugin host's audit trail.
 *
 * @param timestamp when, from the host's clock
 * @param pluginId the plugin
 * @param kind what happened
 * @param capability the capability concerned, or "" for a quarantine
 * @param detail what the plugin tried, or why it was quarantined; never a secret's value
 */
public record PluginAuditRecord(Instant timestamp, String pluginId, Kind kind, String capability, String detail) {

    /** What happened. */
    public enum Kind {
        /** The host granted a capability when the plugin started. */
        CAPABILITY_GRANTED("authz_change"),
        /** The plugin asked for something it was not granted; the request was refused. */
        CAPABILITY_DENIED("authz_fail"),
        /** The plugin timed out or failed too often and was stopped from receiving more work. */
        PLUGIN_QUARANTINED("sys_monitor_disabled");

        private final String owasp;

        Kind(String owasp) {
            this.owasp = owasp;
        }
    }

    /**
     * @throws NullPointerException if an argument is null
     */
    public PluginAuditRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * @return the event name in the OWASP application logging vocabulary: {@code authz_change},
     *         {@code authz_fail} or {@code sys_monitor_disabled}
     */
    public String owaspEvent() {
        return kind.owasp;
    }
}
