package dev.supervisor.core.provider;

import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.core.provider.internal.CliOutputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The built-in {@link AgentProfile}s. */
public final class AgentProfiles {
    private AgentProfiles() {
    }

    private record Profile(String name, String executable, boolean promptOnStdin, Args args, Parser parser)
            implements AgentProfile {
        @Override
        public List<String> arguments(ProviderRequest request, String model) {
            return args.of(request, model);
        }

        @Override
        public ProviderResult parse(ProviderRequest request, ProcessOutput output, CostModel costModel,
                                    String model) {
            return parser.parse(request, output, costModel, model);
        }
    }

    private interface Args {
        List<String> of(ProviderRequest request, String model);
    }

    private interface Parser {
        ProviderResult parse(ProviderRequest request, ProcessOutput output, CostModel costModel, String model);
    }

    /**
     * Claude Code in print mode: {@code claude -p --output-format json [--model M]} with the prompt on standard
     * input; reads {@code result}, {@code usage}, {@code total_cost_usd} (used when the cost model is in USD) and
     * {@code is_error}.
     *
     * @return the profile
     */
    public static AgentProfile claudeCode() {
        return new Profile("claude-code", "claude", true, (r, m) -> {
            List<String> a = new ArrayList<>(List.of("-p", "--output-format", "json"));
            if (m != null) {
                a.add("--model");
                a.add(m);
            }
            return a;
        }, (r, o, c, m) -> CliOutputs.claude(o, c, m));
    }

    /**
     * OpenAI Codex non-interactive: {@code codex exec --json [-m M] -} with the prompt on standard input; reads the
     * last {@code agent_message} item, {@code turn.completed} usage and {@code turn.failed}/{@code error} events.
     *
     * @return the profile
     */
    public static AgentProfile codex() {
        return new Profile("codex", "codex", true, (r, m) -> {
            List<String> a = new ArrayList<>(List.of("exec", "--json"));
            if (m != null) {
                a.add("-m");
                a.add(m);
            }
            a.add("-");
            return a;
        }, (r, o, c, m) -> CliOutputs.codex(o, c, m));
    }

    /**
     * Gemini CLI headless: {@code gemini -p PROMPT --output-format json [-m M]}; reads {@code response}, the
     * per-model token stats and {@code error}; exit 42 is a bad request, 53 a turn limit.
     *
     * @return the profile
     */
    public static AgentProfile geminiCli() {
        return new Profile("gemini-cli", "gemini", false, (r, m) -> {
            List<String> a = new ArrayList<>(List.of("-p", r.prompt(), "--output-format", "json"));
            if (m != null) {
                a.add("-m");
                a.add(m);
            }
            return a;
        }, (r, o, c, m) -> CliOutputs.gemini(o, c, m));
    }

    /**
     * Any command: the prompt on standard input, standard output as the answer, exit 0 as success and any other
     * exit as a failure (classified from standard error). Tokens are estimated from the text.
     *
     * @param executable the command
     * @param arguments its arguments
     * @return the profile
     */
    public static AgentProfile command(String executable, String... arguments) {
        Objects.requireNonNull(executable, "executable");
        List<String> args = List.of(arguments);
        return new Profile("command", executable, true, (r, m) -> args,
                (r, o, c, m) -> CliOutputs.anyCommand(o, c, r.inputTokens()));
    }
}
