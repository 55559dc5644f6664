package dev.supervisor.api.plugin;

import java.util.Objects;

/**
 * The health of one plugin.
 *
 * @param status up, degraded or down
 * @param detail a short explanation, possibly empty; never a secret
 */
public record PluginHealth(Status status, String detail) {

    /** Health levels. */
    public enum Status {
        /** Working. */
        UP,
        /** Working with reduced function, e.g. retrying a remote service. */
        DEGRADED,
        /** Not working. */
        DOWN
    }

    /**
     * @throws NullPointerException if an argument is null
     */
    public PluginHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** @return UP with no detail */
    public static PluginHealth up() {
        return new PluginHealth(Status.UP, "");
    }

    /** @param detail why @return DEGRADED */
    public static PluginHealth degraded(String detail) {
        return new PluginHealth(Status.DEGRADED, detail);
    }

    /** @param detail why @return DOWN */
    public static PluginHealth down(String detail) {
        return new PluginHealth(Status.DOWN, detail);
    }
}
