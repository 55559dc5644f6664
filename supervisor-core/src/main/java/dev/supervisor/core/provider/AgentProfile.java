package dev.supervisor.core.provider;

import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import java.util.List;

/**
 * How to run one agent CLI and read its answer: the executable, the arguments, where the prompt goes, and how the
 * output (tokens, cost, model, errors) is parsed. Built-in profiles are in {@link AgentProfiles}.
 */
public interface AgentProfile {

    /** @return a short name, e.g. {@code claude-code} */
    String name();

    /** @return the executable looked up on the PATH, e.g. {@code claude} */
    String executable();

    /**
     * @param request the request
     * @param model the model to ask for, or null for the CLI's default
     * @return the arguments after the executable
     */
    List<String> arguments(ProviderRequest request, String model);

    /** @return true if the prompt is written to standard input, false if it is one of the arguments */
    boolean promptOnStdin();

    /**
     * Reads a finished process. Must classify every failure (error JSON, non-zero exit, unreadable output) as a
     * {@link ProviderResult.Failure}; never a success.
     *
     * @param request the request the process ran
     * @param output what the process left
     * @param costModel prices for when the CLI reports no cost
     * @param model the model asked for, or null
     * @return the result
     */
    ProviderResult parse(ProviderRequest request, ProcessOutput output, CostModel costModel, String model);
}
