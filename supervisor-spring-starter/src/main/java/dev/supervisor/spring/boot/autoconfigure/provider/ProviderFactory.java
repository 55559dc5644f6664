package dev.supervisor.spring.boot.autoconfigure.provider;

import static dev.supervisor.spring.boot.autoconfigure.PropertyChecks.set;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.QuotaWindow;
import dev.supervisor.core.provider.AgentProfile;
import dev.supervisor.core.provider.AgentProfiles;
import dev.supervisor.core.provider.HttpProvider;
import dev.supervisor.core.provider.MockProvider;
import dev.supervisor.core.provider.ProcessProvider;
import dev.supervisor.core.provider.ProviderBuilder;
import dev.supervisor.spring.boot.autoconfigure.PropertyChecks;
import java.time.Duration;
import java.util.List;

/**
 * Turns one {@code supervisor.providers.instances.<id>} entry into the library's provider; every value goes through
 * the library's builders, and a refusal names the property.
 */
final class ProviderFactory {
    private ProviderFactory() {
    }

    static Provider create(String id, ProviderInstance p) {
        String at = "supervisor.providers.instances." + id;
        if (p.kind() == null) {
            throw PropertyChecks.invalid(at + ".kind", null, "say what the provider is: claude-code, codex, "
                    + "gemini-cli, command, openai, anthropic or mock");
        }
        try {
            return switch (p.kind()) {
                case CLAUDE_CODE -> process(at, id, AgentProfiles.claudeCode(), p);
                case CODEX -> process(at, id, AgentProfiles.codex(), p);
                case GEMINI_CLI -> process(at, id, AgentProfiles.geminiCli(), p);
                case COMMAND -> process(at, id, command(at, p.executable()), p);
                case OPENAI -> http(at, HttpProvider.openAi(id, baseUri(at, p)), p);
                case ANTHROPIC -> http(at, HttpProvider.anthropic(id, baseUri(at, p)), p);
                case MOCK -> mock(at, MockProvider.builder(id), p);
            };
        } catch (IllegalArgumentException | IllegalStateException e) { // a cross-field check in build()
            throw PropertyChecks.invalid(at, p.kind(), e.getMessage());
        }
    }

    private static AgentProfile command(String at, List<String> executable) {
        if (executable == null || executable.isEmpty()) {
            throw PropertyChecks.invalid(at + ".executable", null, "a command provider needs the command to run");
        }
        return AgentProfiles.command(executable.get(0),
                executable.subList(1, executable.size()).toArray(String[]::new));
    }

    private static java.net.URI baseUri(String at, ProviderInstance p) {
        if (p.baseUri() == null) {
            throw PropertyChecks.invalid(at + ".base-uri", null, "a model API provider needs the API's base URI");
        }
        return p.baseUri();
    }

    private static Provider process(String at, String id, AgentProfile profile, ProviderInstance p) {
        ProcessProvider.Builder b = ProcessProvider.builder(id, profile);
        common(at, b, p);
        if (p.kind() != ProviderInstance.Kind.COMMAND) {
            set(at + ".executable", p.executable(), e -> b.executable(e.toArray(String[]::new)));
        }
        set(at + ".model", p.model(), b::model);
        set(at + ".working-directory", p.workingDirectory(), b::workingDirectory);
        set(at + ".allow-environment", p.allowEnvironment(), e -> b.allowEnvironment(e.toArray(String[]::new)));
        p.secretsOrEmpty().forEach((name, value) -> set(at + ".secrets." + name, value, v -> b.secret(name, () -> v)));
        set(at + ".timeout", p.timeout(), b::timeout);
        return b.build();
    }

    private static Provider http(String at, HttpProvider.Builder b, ProviderInstance p) {
        common(at, b, p);
        set(at + ".api-key", p.apiKey(), k -> b.apiKey(() -> k));
        set(at + ".model", p.model(), b::model);
        set(at + ".stream", p.stream(), b::stream);
        set(at + ".timeout", p.timeout(), b::timeout);
        return b.build();
    }

    private static Provider mock(String at, MockProvider.Builder b, ProviderInstance p) {
        common(at, b, p);
        set(at + ".model", p.model(), b::model);
        ProviderInstance.Mock m = p.mock();
        if (m != null) {
            Duration min = m.latencyMin() == null ? Duration.ZERO : m.latencyMin();
            set(at + ".mock.latency-max", m.latencyMax() == null ? min : m.latencyMax(), max -> b.latency(min, max));
            List<FailureKind> kinds = m.failureKinds() == null || m.failureKinds().isEmpty()
                    ? List.of(FailureKind.CRASHED) : m.failureKinds();
            set(at + ".mock.failure-rate", m.failureRate(), r -> b.failureRate(r, kinds.toArray(FailureKind[]::new)));
            set(at + ".mock.seed", m.seed(), b::seed);
        }
        return b.build();
    }

    private static <B extends ProviderBuilder<B>> void common(String at, B b, ProviderInstance p) {
        set(at + ".group", p.group(), b::group);
        set(at + ".task-types", p.taskTypes(), t -> b.taskTypes(t.stream().map(TaskType::of)
                .toArray(TaskType[]::new)));
        set(at + ".capabilities", p.capabilities(), c -> b.capabilities(c.toArray(String[]::new)));
        set(at + ".limits", p.limits(), l -> b.limits(limits(at + ".limits", l)));
        set(at + ".cost", p.cost(), c -> b.costModel(cost(at + ".cost", c)));
    }

    private static ProviderLimits limits(String at, ProviderInstance.Limits l) {
        ProviderLimits.Builder b = ProviderLimits.builder();
        set(at + ".max-concurrent", l.maxConcurrent(), b::maxConcurrent);
        set(at + ".requests-per-minute", l.requestsPerMinute(), n -> b.requestsPer(QuotaWindow.MINUTE, n));
        set(at + ".requests-per-hour", l.requestsPerHour(), n -> b.requestsPer(QuotaWindow.HOUR, n));
        set(at + ".requests-per-day", l.requestsPerDay(), n -> b.requestsPer(QuotaWindow.DAY, n));
        set(at + ".tokens-per-minute", l.tokensPerMinute(), n -> b.tokensPer(QuotaWindow.MINUTE, n));
        set(at + ".tokens-per-hour", l.tokensPerHour(), n -> b.tokensPer(QuotaWindow.HOUR, n));
        set(at + ".tokens-per-day", l.tokensPerDay(), n -> b.tokensPer(QuotaWindow.DAY, n));
        set(at + ".context-window", l.contextWindow(), b::contextWindow);
        return b.build();
    }

    private static CostModel cost(String at, ProviderInstance.Cost c) {
        CostModel.Builder[] b = new CostModel.Builder[1];
        set(at + ".currency", c.currency(), cur -> b[0] = CostModel.builder(cur));
        set(at + ".per-call", c.perCall(), v -> b[0].perCall(v));
        set(at + ".per-thousand-input", c.perThousandInput(), v -> b[0].perThousandInput(v));
        set(at + ".per-thousand-output", c.perThousandOutput(), v -> b[0].perThousandOutput(v));
        return b[0].build();
    }
}
