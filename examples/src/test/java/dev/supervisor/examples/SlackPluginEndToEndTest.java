package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.plugin.PluginHealth;
import dev.supervisor.core.EventBuses;
import dev.supervisor.core.plugin.PluginHandle;
import dev.supervisor.core.plugin.PluginHost;
import dev.supervisor.core.plugin.PluginHostConfig;
import dev.supervisor.core.plugin.PluginSecrets;
import dev.supervisor.core.plugin.PluginState;
import dev.supervisor.core.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack plugin, loaded through the real plugin loader from the jar the build put in {@code target/plugins},
 * against a loopback server that answers as Slack does. Time is a manual clock: the one-message-per-second pace and
 * {@code Retry-After} waits pass only when the test says so. A post happens inside the plugin's callback, so once
 * the plugin's queue is drained (its health check queues behind everything) every post it was going to make has
 * reached the server.
 */
class SlackPluginEndToEndTest {
    private static final String SECRET_PATH = "/services/T0001/B0001/s3cr3tW3bh00kT0k3n";
    private final ManualClock clock = ManualClock.at("2026-03-02T09:00:00Z");
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private final Queue<int[]> script = new ConcurrentLinkedQueue<>(); // status, Retry-After (or -1)
    private final Map<Integer, String> bodies = Map.of(200, "ok", 429, "rate_limited", 400, "invalid_payload",
            404, "no_service");
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private PrintStream stderr;
    private HttpServer slack;
    private PluginHost host;

    @BeforeEach
    void start() throws IOException {
        stderr = System.err;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8)); // where the plugin's SLF4J logs go
        slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slack.createContext("/services/", ex -> {
            posts.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int[] answer = script.isEmpty() ? new int[] {200, -1} : script.poll();
            if (answer[1] >= 0) {
                ex.getResponseHeaders().add("Retry-After", String.valueOf(answer[1]));
            }
            byte[] body = bodies.get(answer[0]).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(answer[0], body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        slack.start();
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        slack.stop(0);
        System.setErr(stderr);
        String logged = logs.toString(StandardCharsets.UTF_8);
        stderr.print(logged);
        assertThat(logged).as("the webhook URL is a secret").doesNotContain(SECRET_PATH).doesNotContain("s3cr3t");
    }

    private PluginHandle slackPlugin(Map<String, String> settings) {
        String webhook = "http://127.0.0.1:" + slack.getAddress().getPort() + SECRET_PATH;
        Map<String, String> all = new HashMap<>(Map.of("events", "TaskFailed,RunFinished"));
        all.putAll(settings);
        PluginHostConfig.Builder config = PluginHostConfig.builder().clock(clock).timer(clock)
                .callbackTimeout(Duration.ofHours(1)) // the manual clock jumps seconds while posts are in flight
                .eventBus(EventBuses.create(64, Runnable::run));
        // tag::grants[]
        config.grant("slack", "events", "schedule", "secret:slack.webhook", "http:127.0.0.1")
                .secrets(PluginSecrets.of(Map.of("slack.webhook", webhook))) // or a vault, the environment...
                .settings("slack", all);                                     // not secrets: those go above
        // end::grants[]
        host = PluginHost.create(config.build());
        assertThat(host.loadDirectory(Path.of("target/plugins")).isValid()).isTrue();
        host.start("slack");
        PluginHandle p = host.plugin("slack").orElseThrow();
        assertThat(p.state()).isEqualTo(PluginState.STARTED);
        return p;
    }

    private void publishFailure(String taskId, String error) {
        host.events().publish(new TaskFailed("run-7", "nightly-etl", taskId, "sql", 3, "local", clock.instant(),
                TaskState.FAILED, Duration.ofMillis(1200), error, 0));
    }

    /** Lets the plugin finish what it was handed (and what came due), then says what Slack received so far. */
    private List<String> received(PluginHandle p) {
        p.health();
        return new ArrayList<>(posts);
    }

    private static String text(String post) {
        int start = post.indexOf("\"text\":\"") + 8;
        return post.substring(start, post.indexOf("\",\"blocks\"", start));
    }

    @Test
    void ok_postsEachMessageAtMostOncePerSecond() {
        PluginHandle p = slackPlugin(Map.of());
        publishFailure("load", "duplicate key");
        host.events().publish(new RunFinished("run-7", "nightly-etl", clock.instant(), RunStatus.FAILED,
                Duration.ofSeconds(42), 4, 1));

        assertThat(received(p)).hasSize(1);
        assertThat(posts.get(0)).isEqualTo("{\"text\":\"Task *load* of nightly-etl (run run-7) FAILED after attempt"
                + " 3: duplicate key\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":"
                + "\"Task *load* of nightly-etl (run run-7) FAILED after attempt 3: duplicate key\"}}]}");
        clock.advance(Duration.ofMillis(999));
        assertThat(received(p)).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(received(p)).hasSize(2);
        assertThat(text(posts.get(1))).isEqualTo("Run run-7 of *nightly-etl* finished FAILED in 42.0 s: 4 succeeded,"
                + " 1 failed");
        assertThat(p.health()).isEqualTo(PluginHealth.up());
        assertThat(host.events().history("slack/delivered")).hasSize(2);
    }

    @Test
    void tooManyRequests_keepsTheMessageAndWaitsForRetryAfter() {
        script.add(new int[] {429, 3});
        PluginHandle p = slackPlugin(Map.of());
        publishFailure("load", "timeout");

        assertThat(received(p)).hasSize(1);
        assertThat(p.health()).isEqualTo(PluginHealth.degraded("rate limited by Slack (429 rate_limited); waiting 3 s"
                + " (1 waiting)"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(received(p)).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(received(p)).hasSize(2);
        assertThat(posts.get(1)).isEqualTo(posts.get(0));
        assertThat(p.health()).isEqualTo(PluginHealth.up());
    }

    @Test
    void invalidPayload_dropsThatMessageAndCarriesOn() {
        script.add(new int[] {400, -1});
        PluginHandle p = slackPlugin(Map.of());
        publishFailure("first", "a");
        publishFailure("second", "b");

        assertThat(received(p)).hasSize(1);
        assertThat(p.health()).isEqualTo(PluginHealth.degraded("Slack rejected a message (400 invalid_payload); it"
                + " was dropped (1 waiting)"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(received(p)).hasSize(2);
        assertThat(text(posts.get(1))).contains("*second*");
        assertThat(p.health()).isEqualTo(PluginHealth.up());
    }

    @Test
    void noService_stopsSendingAndReportsTheWebhookDown() {
        script.add(new int[] {404, -1});
        PluginHandle p = slackPlugin(Map.of());
        publishFailure("first", "a");
        publishFailure("second", "b");
        clock.advance(Duration.ofSeconds(10));
        publishFailure("third", "c");

        assertThat(received(p)).hasSize(1);
        assertThat(p.health()).isEqualTo(PluginHealth.down("the webhook no longer accepts messages (404 no_service);"
                + " sending stopped"));
    }

    @Test
    void longText_isSplitAtSlacksLimitAndPacedLikeAnyMessage() {
        PluginHandle p = slackPlugin(Map.of("template.TaskFailed", "{error}"));
        publishFailure("load", ("x".repeat(99) + "\n").repeat(70)); // 7,000 characters in lines of 100

        for (int i = 0; i < 3; i++) {
            assertThat(received(p)).hasSize(i + 1);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(received(p)).hasSize(3);
        assertThat(posts).extracting(post -> text(post).replace("\\n", "\n").length())
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3000));
        assertThat(posts.stream().map(post -> text(post).replace("\\n", "")).reduce("", String::concat))
                .isEqualTo("x".repeat(99 * 70));
    }

    @Test
    void healthChecks_postNothing() {
        PluginHandle p = slackPlugin(Map.of());
        for (int i = 0; i < 10; i++) {
            assertThat(p.health().status()).isEqualTo(PluginHealth.Status.UP);
        }
        assertThat(posts).isEmpty();
    }

    @Test
    void webhookUrl_staysOutOfHealthAndDescriptions() {
        script.add(new int[] {404, -1});
        PluginHandle p = slackPlugin(Map.of());
        publishFailure("load", "a");
        received(p);

        assertThat(p.health().detail()).doesNotContain("s3cr3t");
        assertThat(p.toString()).doesNotContain("s3cr3t");
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("SlackWebhook[http://127.0.0.1/[redacted]]");
    }
}
