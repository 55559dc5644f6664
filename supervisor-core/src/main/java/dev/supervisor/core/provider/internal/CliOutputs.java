package dev.supervisor.core.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.TokenUsage;
import dev.supervisor.core.provider.ProcessOutput;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Readers of the documented JSON outputs: Claude Code {@code -p --output-format json} (one result object),
 * Codex {@code exec --json} (JSON lines of thread, turn and item events) and Gemini CLI {@code --output-format json}
 * (response, per-model stats, optional error).
 */
public final class CliOutputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliOutputs() {
    }

    private static ProviderResult failure(FailureKind kind, String message, ProcessOutput out, TokenUsage usage) {
        return new ProviderResult.Failure(kind, Failures.shorten(message), null, null, out.duration(), usage);
    }

    /** A non-zero exit with nothing readable: the kind comes from standard error. */
    private static ProviderResult exitFailure(String cli, ProcessOutput out) {
        String err = out.stderr().isBlank() ? out.stdout() : out.stderr();
        return failure(Failures.classify(err, FailureKind.CRASHED), cli + " exited " + out.exitCode() + ": "
                + Failures.shorten(err), out, TokenUsage.NONE);
    }

    private static JsonNode tree(String text) {
        try {
            JsonNode n = JSON.readTree(text.strip());
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Money cost(CostModel costModel, String model, TokenUsage usage, JsonNode reportedUsd) {
        if (reportedUsd != null && reportedUsd.isNumber() && costModel.currency().getCurrencyCode().equals("USD")) {
            return Money.of(new BigDecimal(reportedUsd.asText()), costModel.currency());
        }
        return costModel.cost(model, usage);
    }

    /** Claude Code: {@code type=result}, {@code is_error}, {@code result}, {@code usage}, {@code total_cost_usd}. */
    public static ProviderResult claude(ProcessOutput out, CostModel costModel, String model) {
        JsonNode n = tree(out.stdout());
        if (n == null || !n.has("result") && !n.has("is_error")) {
            return out.exitCode() != 0 ? exitFailure("claude", out)
                    : failure(FailureKind.CRASHED, "claude printed no result object: " + out.stdout(), out,
                    TokenUsage.NONE);
        }
        JsonNode u = n.path("usage");
        TokenUsage usage = TokenUsage.of(u.path("input_tokens").asLong() + u.path("cache_creation_input_tokens")
                .asLong() + u.path("cache_read_input_tokens").asLong(), u.path("output_tokens").asLong());
        String answered = model;
        Iterator<String> models = n.path("modelUsage").fieldNames();
        if (models.hasNext()) {
            answered = models.next();
        }
        answered = answered == null ? "claude" : answered;
        String text = n.path("result").asText("");
        String subtype = n.path("subtype").asText("");
        if (n.path("is_error").asBoolean(false) || subtype.startsWith("error") || out.exitCode() != 0) {
            String msg = text.isEmpty() ? subtype : text;
            String what = subtype.isEmpty() ? "error" : subtype;
            return failure(Failures.classify(msg, FailureKind.CRASHED), "claude " + what + ": " + msg, out, usage);
        }
        if (!n.path("result").isTextual()) {
            return failure(FailureKind.CRASHED, "claude reported " + (subtype.isEmpty() ? "success" : subtype)
                    + " without a result", out, usage);
        }
        return new ProviderResult.Success(text, usage, cost(costModel, answered, usage, n.get("total_cost_usd")),
                answered, out.duration());
    }

    /** Codex: the last {@code agent_message} item is the answer; {@code turn.completed} carries the usage. */
    public static ProviderResult codex(ProcessOutput out, CostModel costModel, String model) {
        String answer = null;
        TokenUsage usage = TokenUsage.NONE;
        String error = null;
        boolean completed = false;
        for (String line : out.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode e = tree(line);
            if (e == null) {
                continue;
            }
            switch (e.path("type").asText()) {
                case "item.completed":
                    JsonNode item = e.path("item");
                    if ("agent_message".equals(item.path("type").asText())) {
                        answer = item.path("text").asText("");
                    }
                    break;
                case "turn.completed":
                    completed = true;
                    JsonNode u = e.path("usage");
                    usage = usage.plus(TokenUsage.of(u.path("input_tokens").asLong(),
                            u.path("output_tokens").asLong()));
                    break;
                case "turn.failed":
                    error = e.path("error").path("message").asText("turn failed");
                    break;
                case "error":
                    error = e.path("message").asText("error");
                    break;
                default:
                    break;
            }
        }
        String m = model == null ? "codex" : model;
        if (error != null) {
            return failure(Failures.classify(error, FailureKind.CRASHED), "codex: " + error, out, usage);
        }
        if (out.exitCode() != 0) {
            return exitFailure("codex", out);
        }
        if (!completed || answer == null) {
            return failure(FailureKind.CRASHED, "codex finished without " + (completed ? "an agent message"
                    : "turn.completed"), out, usage);
        }
        return new ProviderResult.Success(answer, usage, costModel.cost(m, usage), m, out.duration());
    }

    /** Gemini CLI: {@code response}, {@code stats.models.<name>.tokens}, {@code error}; exit 42 input, 53 turns. */
    public static ProviderResult gemini(ProcessOutput out, CostModel costModel, String model) {
        JsonNode n = tree(out.stdout());
        TokenUsage usage = TokenUsage.NONE;
        String answered = model;
        if (n != null) {
            Iterator<Map.Entry<String, JsonNode>> it = n.path("stats").path("models").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                answered = answered == null ? e.getKey() : answered;
                JsonNode t = e.getValue().path("tokens");
                usage = usage.plus(TokenUsage.of(t.path("prompt").asLong(), t.path("candidates").asLong()
                        + t.path("thoughts").asLong()));
            }
        }
        answered = answered == null ? "gemini" : answered;
        if (n != null && n.hasNonNull("error")) {
            JsonNode e = n.get("error");
            String msg = e.path("message").asText(e.toString());
            FailureKind kind = Failures.classify(e.path("code").asText("") + " " + e.path("type").asText("") + " "
                    + msg, out.exitCode() == 42 ? FailureKind.BAD_REQUEST : FailureKind.CRASHED);
            return failure(kind, "gemini: " + msg, out, usage);
        }
        if (out.exitCode() == 42) {
            return failure(FailureKind.BAD_REQUEST, "gemini rejected the input: " + out.stderr(), out, usage);
        }
        if (out.exitCode() == 53) {
            return failure(FailureKind.CRASHED, "gemini exceeded its turn limit", out, usage);
        }
        if (out.exitCode() != 0) {
            return exitFailure("gemini", out);
        }
        if (n == null || !n.path("response").isTextual()) {
            return failure(FailureKind.CRASHED, "gemini printed no response: " + out.stdout(), out, usage);
        }
        return new ProviderResult.Success(n.get("response").asText(), usage, costModel.cost(answered, usage),
                answered, out.duration());
    }

    /** Any command: exit 0 is a success whose answer is standard output; tokens are estimated from the text. */
    public static ProviderResult anyCommand(ProcessOutput out, CostModel costModel, long inputTokens) {
        if (out.exitCode() != 0) {
            return exitFailure("command", out);
        }
        TokenUsage usage = TokenUsage.of(inputTokens, Math.max(1, out.stdout().length() / 4));
        return new ProviderResult.Success(out.stdout(), usage, costModel.cost(null, usage), "command",
                out.duration());
    }
}
