package dev.supervisor.examples.slack;

import java.net.URI;
import java.util.Objects;

/**
 * A Slack incoming webhook. Its URL is a secret (whoever has it can post to the channel), so it appears nowhere but
 * in the request: {@link #toString()} and {@link #redact(String)} replace it by its scheme and host.
 */
final class SlackWebhook {
    private final URI uri;
    private final String shown;

    private SlackWebhook(URI uri) {
        this.uri = uri;
        this.shown = uri.getScheme() + "://" + uri.getHost() + "/[redacted]";
    }

    /**
     * @param url the webhook URL, from the host's secrets
     * @return the webhook
     * @throws IllegalArgumentException if it is not an absolute http(s) URL (the message does not repeat it)
     */
    static SlackWebhook of(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Slack webhook secret is not a URL");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("the Slack webhook secret is not an http(s) URL with a host");
        }
        return new SlackWebhook(uri);
    }

    URI uri() {
        return uri;
    }

    /** @return the text with every occurrence of the webhook URL (and its path) replaced */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String path = uri.getRawPath();
        String out = text.replace(uri.toString(), shown);
        return path == null || path.length() < 2 ? out : out.replace(path, "/[redacted]");
    }

    @Override
    public String toString() {
        return "SlackWebhook[" + shown + "]";
    }
}
