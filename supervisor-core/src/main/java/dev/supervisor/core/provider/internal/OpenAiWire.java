package dev.supervisor.core.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supervisor.api.provider.ProviderRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * OpenAI-compatible chat completions ({@code POST /chat/completions}), as served by OpenAI, vLLM, Ollama, LM Studio
 * and OpenRouter. Streams are {@code data:} chunks of {@code choices[].delta.content}, usage in the last chunk
 * (asked for with {@code stream_options.include_usage}), ended by {@code data: [DONE]}.
 */
final class OpenAiWire extends Wire {
    @Override
    HttpRequest.Builder request(URI base, String key, String model, ProviderRequest r, boolean stream) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        userMessage(body, r.prompt());
        body.put("max_tokens", r.maxOutputTokens());
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("chat/completions"))
                .header("Content-Type", "application/json").POST(json(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    @Override
    void whole(JsonNode body, Reply reply) {
        JsonNode choices = body.path("choices");
        if (!choices.isArray() || choices.isEmpty() || !choices.get(0).path("message").path("content").isTextual()) {
            throw new IllegalArgumentException("no text in choices[0].message.content");
        }
        reply.text.append(choices.get(0).path("message").path("content").asText(""));
        usage(body, reply);
        reply.done = true;
    }

    private static void usage(JsonNode body, Reply reply) {
        reply.model = body.path("model").asText(reply.model);
        JsonNode u = body.path("usage");
        if (u.isObject()) {
            reply.input = u.path("prompt_tokens").asLong();
            reply.output = u.path("completion_tokens").asLong();
        }
    }

    @Override
    void event(String event, String data, Reply reply) throws IOException {
        if (data.equals("[DONE]")) {
            reply.done = true;
            return;
        }
        JsonNode chunk = JSON.readTree(data);
        if (chunk.has("error")) {
            reply.error = chunk.path("error").path("message").asText("stream error");
            reply.errorKind = Failures.classify(chunk.path("error").toString(),
                    dev.supervisor.api.provider.FailureKind.UNAVAILABLE);
            return;
        }
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode content = choice.path("delta").path("content");
            if (content.isTextual()) {
                reply.text.append(content.asText());
            }
        }
        usage(chunk, reply);
    }
}
