package dev.supervisor.core.provider.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.TokenUsage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** One model API call over {@code java.net.http}: send, classify the status, read a whole body or a stream. */
public final class HttpCall {
    private final HttpClient client;
    private final Wire wire;
    private final Clock clock;

    /**
     * @param client the HTTP client
     * @param anthropic true for the Messages API, false for OpenAI-compatible chat completions
     * @param clock the clock for HTTP-date retry-after values
     */
    public HttpCall(HttpClient client, boolean anthropic, Clock clock) {
        this.client = client;
        this.wire = anthropic ? new AnthropicWire() : new OpenAiWire();
        this.clock = clock;
    }

    /** @return the call's result; every failure typed, never a success */
    public ProviderResult call(URI base, String key, String model, ProviderRequest r, boolean stream,
                               Duration timeout, CostModel costModel) {
        long start = System.nanoTime();
        HttpResponse<InputStream> resp;
        try {
            resp = client.send(wire.request(base, key, model, r, stream).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            return fail(FailureKind.TIMEOUT, "no response within " + timeout, start);
        } catch (ConnectException e) {
            return fail(FailureKind.UNAVAILABLE, "cannot connect to " + base.getHost() + ":" + base.getPort(), start);
        } catch (IOException e) {
            return fail(FailureKind.UNAVAILABLE, "I/O error: " + e.getMessage(), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(FailureKind.CANCELLED, "interrupted", start);
        }
        // The request timeout only covers the wait for headers: a body or stream that stalls is cut at the same
        // deadline by closing it, which makes the blocked read fail.
        AtomicBoolean expired = new AtomicBoolean();
        long left = Math.max(1, timeout.toNanos() - (System.nanoTime() - start));
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            expired.set(true);
            try {
                resp.body().close();
            } catch (IOException ignored) {
                // closing is all that is wanted
            }
        }, CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS));
        try {
            ProviderResult result = read(resp, r, model, stream, costModel, start);
            return expired.get() && !result.succeeded()
                    ? fail(FailureKind.TIMEOUT, "no complete answer within " + timeout, start) : result;
        } finally {
            watchdog.cancel(false);
        }
    }

    private ProviderResult read(HttpResponse<InputStream> resp, ProviderRequest r, String model, boolean stream,
                                CostModel costModel, long start) {
        try (InputStream body = resp.body()) {
            int status = resp.statusCode();
            if (status < 200 || status > 299) {
                return httpError(resp, new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8), start);
            }
            Wire.Reply reply = new Wire.Reply();
            boolean sse = resp.headers().firstValue("content-type").orElse("").startsWith("text/event-stream");
            if (sse) {
                BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                Sse events = new Sse(in);
                while (!reply.done && reply.error == null && events.next()) {
                    if (r.isCancelled()) {
                        return fail(FailureKind.CANCELLED, "cancelled during the stream", start);
                    }
                    wire.event(events.event, events.data, reply);
                }
            } else {
                wire.whole(Wire.JSON.readTree(body), reply);
            }
            TokenUsage usage = TokenUsage.of(reply.input, reply.output);
            if (reply.error != null) {
                return new ProviderResult.Failure(reply.errorKind, "stream error: " + reply.error, null, null,
                        since(start), usage);
            }
            if (!reply.done) {
                TokenUsage spent = TokenUsage.of(reply.input > 0 ? reply.input : r.inputTokens(),
                        Math.max(reply.output, reply.text.length() / 4));
                return new ProviderResult.Failure(FailureKind.CRASHED, "stream cut before its end after "
                        + reply.text.length() + " characters", null, null, since(start), spent);
            }
            String m = reply.model == null || reply.model.isEmpty() ? model : reply.model;
            return new ProviderResult.Success(reply.text.toString(), usage, costModel.cost(m, usage), m, since(start));
        } catch (IOException | IllegalArgumentException e) {
            // a body that is not the documented format, or a connection lost while reading it
            return fail(FailureKind.CRASHED, "malformed or interrupted response: " + Failures.shorten(e.getMessage()),
                    start);
        }
    }

    private ProviderResult httpError(HttpResponse<?> resp, String text, long start) {
        String type = null;
        String message = text;
        try {
            JsonNode err = Wire.JSON.readTree(text).path("error");
            if (err.isObject()) {
                type = err.path("type").asText("") + " " + err.path("code").asText("");
                message = err.path("message").asText(text);
            }
        } catch (IOException ignored) {
            // not JSON: the raw text is the message
        }
        int status = resp.statusCode();
        FailureKind kind = wire.errorKind(status, type, message);
        Duration retryAfter = resp.headers().firstValue("retry-after").map(this::retryAfter).orElse(null);
        return new ProviderResult.Failure(kind, "HTTP " + status + ": " + Failures.shorten(message), retryAfter, null,
                since(start), TokenUsage.NONE);
    }

    /** {@code retry-after} is seconds or an HTTP date; anything else is ignored. */
    Duration retryAfter(String v) {
        try {
            double s = Double.parseDouble(v.trim());
            return s >= 0 ? Duration.ofMillis((long) Math.ceil(s * 1000)) : null;
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static ProviderResult fail(FailureKind kind, String message, long start) {
        return ProviderResult.Failure.of(kind, message, since(start));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
