package dev.supervisor.api.plugin;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An inbound webhook handed to an {@link Integration}.
 *
 * @param method the HTTP method
 * @param path the request path
 * @param headers header names (lower-case) to values
 * @param body the body as text
 */
public record WebhookRequest(String method, String path, Map<String, List<String>> headers, String body) {
    /**
     * @throws NullPointerException if an argument is null
     */
    public WebhookRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
