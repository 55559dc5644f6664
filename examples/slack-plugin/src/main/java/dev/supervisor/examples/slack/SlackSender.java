package dev.supervisor.examples.slack;

import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.PluginHealth;
import dev.supervisor.api.plugin.ScheduledTask;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts messages one by one, at most one per second (Slack's limit per webhook). A {@code 429} keeps the message
 * and waits for {@code Retry-After}; a {@code 400} drops it (a bad payload stays bad); a {@code 404 no_service}
 * means the webhook was removed, so sending stops; server errors and I/O failures are retried five times with
 * back-off. Each message Slack accepted is announced on the plugin's topic {@code slack/delivered}. Called on the
 * plugin's thread only; waits are scheduled through the host, never slept.
 */
final class SlackSender {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSender.class);
    static final Duration SPACING = Duration.ofSeconds(1);
    private static final int MAX_WAITING = 500;
    private static final int MAX_ATTEMPTS = 5;

    private final PluginContext ctx;
    private final SlackWebhook webhook;
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    private Instant nextAllowed = Instant.MIN;
    private ScheduledTask wakeUp;
    private int attempts;
    private long sent;
    private long dropped;
    private volatile String problem = "";
    private volatile boolean revoked;
    private volatile int waiting;

    SlackSender(PluginContext ctx, SlackWebhook webhook) {
        this.ctx = ctx;
        this.webhook = webhook;
    }

    synchronized void send(String text) {
        if (revoked) {
            dropped++;
            return;
        }
        for (String part : SlackMessages.split(text, SlackMessages.MAX_TEXT)) {
            if (outbox.size() == MAX_WAITING) {
                outbox.poll();
                dropped++;
            }
            outbox.add(SlackMessages.json(part));
        }
        if (wakeUp == null) { // otherwise the scheduled wake-up sends it in turn
            pump();
        }
    }

    private synchronized void wake() {
        wakeUp = null;
        pump();
    }

    private void pump() {
        while (!outbox.isEmpty() && !revoked) {
            Instant now = ctx.clock().instant();
            if (now.isBefore(nextAllowed)) {
                if (wakeUp == null) {
                    wakeUp = ctx.schedule(this::wake, Duration.between(now, nextAllowed));
                }
                break;
            }
            post(outbox.peek(), now);
        }
        waiting = outbox.size();
    }

    private void post(String body, Instant now) {
        HttpRequest request = HttpRequest.newBuilder(webhook.uri()).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = ctx.http().send(request, HttpResponse.BodyHandlers.ofString());
            answered(r.statusCode(), r.body(), r.headers().firstValueAsLong("Retry-After"), now);
        } catch (IOException e) {
            failed("cannot reach Slack: " + webhook.redact(String.valueOf(e.getMessage())), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // timed out or stopping: the message waits for the next turn
            nextAllowed = now.plus(SPACING);
        }
    }

    private void answered(int status, String body, OptionalLong retryAfter, Instant now) {
        String said = status + " " + (body == null ? "" : body.strip());
        if (status == 200) {
            outbox.poll();
            sent++;
            attempts = 0;
            problem = "";
            nextAllowed = now.plus(SPACING);
            ctx.publish("delivered", Map.of("sent", sent, "waiting", outbox.size()));
        } else if (status == 429) {
            long wait = Math.max(1, Math.min(3600, retryAfter.orElse(1)));
            nextAllowed = now.plusSeconds(wait);
            problem = "rate limited by Slack (" + said + "); waiting " + wait + " s";
            LOG.info("Slack webhook {}: {}", webhook, problem);
        } else if (status == 404 || status == 410 || status == 403) {
            revoked = true;
            dropped += outbox.size();
            outbox.clear();
            problem = "the webhook no longer accepts messages (" + said + "); sending stopped";
            LOG.error("Slack webhook {}: {}", webhook, problem);
        } else if (status >= 400 && status < 500) {
            outbox.poll();
            dropped++;
            nextAllowed = now.plus(SPACING);
            problem = "Slack rejected a message (" + said + "); it was dropped";
            LOG.warn("Slack webhook {}: {}", webhook, problem);
        } else {
            failed("Slack answered " + said, now);
        }
    }

    private void failed(String what, Instant now) {
        attempts++;
        if (attempts >= MAX_ATTEMPTS) {
            outbox.poll();
            dropped++;
            attempts = 0;
            problem = what + "; a message was dropped after " + MAX_ATTEMPTS + " attempts";
        } else {
            problem = what + "; retrying";
        }
        nextAllowed = now.plusSeconds(Math.min(60, 1L << attempts));
        LOG.warn("Slack webhook {}: {}", webhook, problem);
    }

    /** Local state only: a health check never posts to Slack. */
    PluginHealth health() {
        if (revoked) {
            return PluginHealth.down(problem);
        }
        if (!problem.isEmpty()) {
            return PluginHealth.degraded(problem + " (" + waiting + " waiting)");
        }
        return PluginHealth.up();
    }

    synchronized String stats() {
        return "sent=" + sent + " dropped=" + dropped + " waiting=" + outbox.size();
    }
}
