package dev.supervisor.core.plugin.internal;

import dev.supervisor.core.plugin.PluginProblem;
import java.util.List;
import java.util.Objects;

/** A problem the resolver or the host's scan found. */
record Problem(Kind kind, List<String> pluginIds, String source, String message) implements PluginProblem {
    Problem {
        Objects.requireNonNull(kind, "kind");
        pluginIds = List.copyOf(pluginIds);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
