package dev.supervisor.core.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.ProviderRequest;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * One model API's wire format: how to build the request, and how to read a whole response, a stream event and an
 * error body. Parsing fills a {@link Reply}.
 */
abstract class Wire {
    static final ObjectMapper JSON = new ObjectMapper();

    /** What was read so far. */
    static final class Reply {
        final StringBuilder text = new StringBuilder();
        String model;
        long input;
        long output;
        boolean done;
        FailureKind errorKind;
        String error;
    }

    abstract HttpRequest.Builder request(URI base, String key, String model, ProviderRequest r, boolean stream);

    /** Reads a complete (non-streamed) 2xx body. @throws IllegalArgumentException if it is not the format */
    abstract void whole(JsonNode body, Reply reply);

    /** Reads one stream event; sets {@code done} at the documented end, {@code error} on an error event. */
    abstract void event(String event, String data, Reply reply) throws java.io.IOException;

    /** @return the kind of an HTTP error, from the status and the error body */
    FailureKind errorKind(int status, String type, String message) {
        String t = (type == null ? "" : type) + " " + (message == null ? "" : message);
        if (status == 529) {
            return FailureKind.OVERLOADED;
        }
        if (status == 429) {
            FailureKind k = Failures.classify(t, FailureKind.RATE_LIMITED);
            return k == FailureKind.QUOTA_EXHAUSTED ? k : FailureKind.RATE_LIMITED;
        }
        if (status == 401 || status == 403) {
            return FailureKind.AUTH;
        }
        if (status == 408) {
            return FailureKind.TIMEOUT;
        }
        if (status == 413 || status == 400 || status == 404 || status == 422) {
            return Failures.classify(t, FailureKind.BAD_REQUEST) == FailureKind.CONTEXT_OVERFLOW
                    ? FailureKind.CONTEXT_OVERFLOW : FailureKind.BAD_REQUEST;
        }
        if (status == 503 && t.toLowerCase(java.util.Locale.ROOT).contains("overloaded")) {
            return FailureKind.OVERLOADED;
        }
        return status >= 500 ? FailureKind.UNAVAILABLE : FailureKind.BAD_REQUEST;
    }

    static ObjectNode userMessage(ObjectNode body, String prompt) {
        ObjectNode m = body.putArray("messages").addObject();
        m.put("role", "user");
        m.put("content", prompt);
        return body;
    }

    static HttpRequest.BodyPublisher json(ObjectNode body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
