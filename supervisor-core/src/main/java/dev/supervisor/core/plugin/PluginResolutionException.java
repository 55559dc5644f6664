package dev.supervisor.core.plugin;

import dev.supervisor.api.SupervisorException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plugins could not be resolved; carries every problem, one per line in the message.
 */
public class PluginResolutionException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    private final transient List<PluginProblem> problems;

    /**
     * @param problems every problem
     */
    public PluginResolutionException(List<PluginProblem> problems) {
        super(problems.size() + " plugin problem" + (problems.size() == 1 ? "" : "s") + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem */
    public List<PluginProblem> problems() {
        return problems;
    }
}
