package dev.supervisor.auth.oidc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Small, bounded HTTP helpers: a provider's answer is capped at 1 MiB and a timeout. */
final class Http {
    static final int MAX_BODY = 1 << 20;

    /** Status and body of a response. */
    record Response(int status, String body) {
    }

    private Http() {
    }

    static Response get(HttpClient client, URI uri, Duration timeout, OidcException.Reason reason) {
        return send(client, HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET()
                .build(), reason);
    }

    static Response postForm(HttpClient client, URI uri, String form, String basicAuth, Duration timeout,
                             OidcException.Reason reason) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (basicAuth != null) {
            b.header("Authorization", "Basic " + basicAuth);
        }
        return send(client, b.build(), reason);
    }

    private static Response send(HttpClient client, HttpRequest request, OidcException.Reason reason) {
        try {
            HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                byte[] body = in.readNBytes(MAX_BODY + 1);
                if (body.length > MAX_BODY) {
                    throw new OidcException(reason, request.uri().getHost() + " answered more than 1 MiB");
                }
                return new Response(r.statusCode(), new String(body, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new OidcException(reason, "request to " + request.uri().getHost() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException(reason, "interrupted while calling " + request.uri().getHost());
        }
    }

    /** https, or http only to a loopback host (local development and tests). */
    static URI requireSecure(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new OidcException(OidcException.Reason.DISCOVERY, what + " is missing");
        }
        URI u;
        try {
            u = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new OidcException(OidcException.Reason.DISCOVERY, what + " is not a URI");
        }
        String host = u.getHost();
        boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        if (!"https".equals(u.getScheme()) && !("http".equals(u.getScheme()) && loopback)) {
            throw new OidcException(OidcException.Reason.DISCOVERY, what + " must use https (http only on loopback): "
                    + dev.supervisor.auth.internal.Printable.quote(value));
        }
        return u;
    }
}
