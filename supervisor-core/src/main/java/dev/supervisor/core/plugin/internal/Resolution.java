package dev.supervisor.core.plugin.internal;

import dev.supervisor.core.plugin.PluginProblem;
import dev.supervisor.core.plugin.PluginResolution;
import java.util.List;

/** What the resolver and the host's loads report. */
record Resolution(List<PluginProblem> problems, List<String> startOrder) implements PluginResolution {
    Resolution {
        problems = List.copyOf(problems);
        startOrder = List.copyOf(startOrder);
    }

    @Override
    public String toString() {
        return "PluginResolution{startOrder=" + startOrder + ", problems=" + problems + "}";
    }
}
