package dev.supervisor.api.plugin;

import java.util.Objects;

/**
 * An {@link Integration}'s answer to a webhook.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param body the body as text
 */
public record WebhookResponse(int status, String contentType, String body) {
    /**
     * @throws IllegalArgumentException if the status is not 100-599
     */
    public WebhookResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599 but was " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /** @param body a text body @return 200 with that body as plain text */
    public static WebhookResponse ok(String body) {
        return new WebhookResponse(200, "text/plain; charset=utf-8", body);
    }
}
