package dev.supervisor.core.plugin.internal;

import dev.supervisor.core.plugin.PluginHandle;
import java.util.Objects;

/** An extension a plugin's context registered. */
record Registered(String point, String name) implements PluginHandle.Extension {
    Registered {
        Objects.requireNonNull(point, "point");
    }

    @Override
    public String toString() {
        return name == null ? point : point + ":" + name;
    }
}
