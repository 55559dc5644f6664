package dev.supervisor.spring.boot.autoconfigure.provider;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One provider, {@code supervisor.providers.instances.<id>.*}. Unset values keep the library's defaults.
 *
 * @param kind what it is: an agent CLI ({@code claude-code}, {@code codex}, {@code gemini-cli}, any
 *        {@code command}), a model API ({@code openai}-compatible, {@code anthropic}) or a {@code mock}
 * @param priority lower goes first under the PRIORITY strategy
 * @param weight share under the WEIGHTED strategy, at least 1
 * @param group failover group (rate limits fail over within the group first)
 * @param taskTypes the task types it serves (empty: any)
 * @param capabilities what it can do, matched against a task's required capabilities
 * @param model the model to ask for
 * @param executable agent CLIs: the command (and arguments, for {@code command}) to run instead of the default
 * @param workingDirectory agent CLIs: the default working directory
 * @param allowEnvironment agent CLIs: environment variables passed through to the process
 * @param secrets agent CLIs: environment variables set for the process only (name to value)
 * @param baseUri model APIs: the API's base URI
 * @param apiKey model APIs: the API key
 * @param stream model APIs: stream the answer (server-sent events)
 * @param timeout how long one call may take
 * @param limits concurrency, rate and token limits
 * @param cost prices, turning reported usage into money
 * @param mock mock providers: latency and failures
 */
public record ProviderInstance(Kind kind, @DefaultValue("1") int priority, @DefaultValue("1") int weight,
                               String group, List<String> taskTypes, List<String> capabilities, String model,
                               List<String> executable, Path workingDirectory, List<String> allowEnvironment,
                               Map<String, String> secrets, URI baseUri, String apiKey, Boolean stream,
                               Duration timeout, Limits limits, Cost cost, Mock mock) {

    /** What a provider is. */
    public enum Kind {
        /** Claude Code ({@code claude -p --output-format json}). */
        CLAUDE_CODE,
        /** OpenAI's Codex CLI ({@code codex exec --json -}). */
        CODEX,
        /** Google's Gemini CLI ({@code gemini -p ... --output-format json}). */
        GEMINI_CLI,
        /** Any command: the prompt on standard input, standard output as the answer. */
        COMMAND,
        /** An OpenAI-compatible chat completions API (OpenAI, vLLM, Ollama, LM Studio, OpenRouter). */
        OPENAI,
        /** The Anthropic Messages API. */
        ANTHROPIC,
        /** Seeded latency and failures, for demos and tests. */
        MOCK
    }

    /**
     * Limits of one provider (unset: unlimited).
     *
     * @param maxConcurrent calls at once
     * @param requestsPerMinute requests per minute
     * @param requestsPerHour requests per hour
     * @param requestsPerDay requests per day
     * @param tokensPerMinute tokens per minute
     * @param tokensPerHour tokens per hour
     * @param tokensPerDay tokens per day
     * @param contextWindow largest prompt, in tokens
     */
    public record Limits(Integer maxConcurrent, Long requestsPerMinute, Long requestsPerHour, Long requestsPerDay,
                         Long tokensPerMinute, Long tokensPerHour, Long tokensPerDay, Long contextWindow) {
    }

    /**
     * Prices (exact decimals).
     *
     * @param currency ISO 4217 code
     * @param perCall price of one call
     * @param perThousandInput price of 1,000 input tokens
     * @param perThousandOutput price of 1,000 output tokens
     */
    public record Cost(@DefaultValue("USD") String currency, String perCall, String perThousandInput,
                       String perThousandOutput) {
    }

    /**
     * A mock's behaviour.
     *
     * @param latencyMin shortest drawn latency
     * @param latencyMax longest drawn latency
     * @param failureRate share of calls that fail, in [0, 1]
     * @param failureKinds how they fail (default CRASHED)
     * @param seed random seed
     */
    public record Mock(Duration latencyMin, Duration latencyMax, Double failureRate,
                       List<dev.supervisor.api.provider.FailureKind> failureKinds, Long seed) {
    }

    /** @return the secrets, never null */
    public Map<String, String> secretsOrEmpty() {
        return secrets == null ? Map.of() : secrets;
    }
}
