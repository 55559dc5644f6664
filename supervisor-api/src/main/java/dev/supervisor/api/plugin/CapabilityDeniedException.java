package dev.supervisor.api.plugin;

import dev.supervisor.api.SupervisorException;
import java.util.Objects;

/**
 * A plugin asked its {@link PluginContext} for something the host did not grant it. The denial is also written to
 * the host's audit trail ({@link PluginAuditSink}).
 */
public class CapabilityDeniedException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    private final String pluginId;
    private final Capability capability;

    /**
     * @param pluginId the plugin
     * @param capability what it would have needed
     * @param detail what it tried to do, e.g. {@code POST to evil.example}
     */
    public CapabilityDeniedException(String pluginId, Capability capability, String detail) {
        super("plugin '" + pluginId + "' was not granted '" + capability + "' (" + detail + ")");
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.capability = Objects.requireNonNull(capability, "capability");
    }

    /** @return the plugin */
    public String pluginId() {
        return pluginId;
    }

    /** @return the capability it would have needed */
    public Capability capability() {
        return capability;
    }
}
