package dev.supervisor.core.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supervisor.api.provider.ProviderRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The Anthropic Messages API ({@code POST /v1/messages}, {@code anthropic-version: 2023-06-01}). Streams are named
 * events: {@code message_start} (input usage), {@code content_block_delta} ({@code text_delta}),
 * {@code message_delta} (output usage), {@code message_stop}; {@code error} events carry an error type.
 */
final class AnthropicWire extends Wire {
    @Override
    HttpRequest.Builder request(URI base, String key, String model, ProviderRequest r, boolean stream) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", r.maxOutputTokens());
        userMessage(body, r.prompt());
        if (stream) {
            body.put("stream", true);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("v1/messages"))
                .header("Content-Type", "application/json").header("anthropic-version", "2023-06-01")
                .POST(json(body));
        if (key != null) {
            b.header("x-api-key", key);
        }
        return b;
    }

    @Override
    void whole(JsonNode body, Reply reply) {
        if (!"message".equals(body.path("type").asText()) || !body.path("content").isArray()) {
            throw new IllegalArgumentException("not a message object");
        }
        for (JsonNode block : body.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                reply.text.append(block.path("text").asText(""));
            }
        }
        reply.model = body.path("model").asText(reply.model);
        reply.input = body.path("usage").path("input_tokens").asLong();
        reply.output = body.path("usage").path("output_tokens").asLong();
        reply.done = true;
    }

    @Override
    void event(String event, String data, Reply reply) throws IOException {
        JsonNode e = JSON.readTree(data);
        String type = event != null ? event : e.path("type").asText();
        switch (type) {
            case "message_start":
                JsonNode m = e.path("message");
                reply.model = m.path("model").asText(reply.model);
                reply.input = m.path("usage").path("input_tokens").asLong();
                reply.output = m.path("usage").path("output_tokens").asLong();
                break;
            case "content_block_delta":
                JsonNode delta = e.path("delta");
                if ("text_delta".equals(delta.path("type").asText())) {
                    reply.text.append(delta.path("text").asText(""));
                }
                break;
            case "message_delta":
                reply.output = e.path("usage").path("output_tokens").asLong(reply.output);
                break;
            case "message_stop":
                reply.done = true;
                break;
            case "error":
                JsonNode err = e.path("error");
                reply.error = err.path("message").asText("stream error");
                reply.errorKind = Failures.classify(err.path("type").asText(),
                        dev.supervisor.api.provider.FailureKind.UNAVAILABLE);
                break;
            default:
                break;
        }
    }
}
