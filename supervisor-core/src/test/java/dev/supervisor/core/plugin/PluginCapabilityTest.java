package dev.supervisor.core.plugin;

import static dev.supervisor.core.plugin.PluginTesting.config;
import static dev.supervisor.core.plugin.PluginTesting.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpServer;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.event.TopicEvent;
import dev.supervisor.api.plugin.Capability;
import dev.supervisor.api.plugin.PluginAuditRecord;
import dev.supervisor.api.plugin.PluginAuditRecord.Kind;
import dev.supervisor.core.EventBuses;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.plugin.probe.Probe;
import dev.supervisor.core.plugin.testplugins.ProberPlugin;
import dev.supervisor.core.testing.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin gets what the host granted out of what it asked for; anything else is refused with a typed error and
 * written to the audit trail. The prober plugin tries each action named in its settings and logs the outcome.
 */
class PluginCapabilityTest {
    @TempDir
    Path dir;
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final List<PluginAuditRecord> audit = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        Probe.reset();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", ex -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/elsewhere", ex -> {
            ex.getResponseHeaders().add("Location", "http://example.invalid/");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        server.stop(0);
    }

    private PluginHost prober(PluginHostConfig.Builder b, String actions) {
        PluginHost host = PluginHost.create(b.settings("prober", Map.of("try", actions)).audit(audit::add)
                .secrets(PluginSecrets.of(Map.of("slack.webhook", "https://hooks.example/T0/B0/secret",
                        "other", "not yours")))
                .build());
        closing.add(0, host);
        host.load(PluginJars.of(dir.resolve("prober.jar"), ProberPlugin.class));
        host.start("prober");
        return host;
    }

    @Test
    void requestsBeyondTheGrant_areRefusedAndAudited_whileGrantedOnesWork() {
        // "secret:other" is the host's to give, but the plugin did not ask for it
        PluginHost host = prober(config(clock).grant("prober", "events", "http:127.0.0.1", "secret:slack.webhook",
                "secret:other"), "secret slack.webhook; secret other; http " + base + "/hello; http http://localhost:"
                + server.getAddress().getPort() + "/hello?token=abc; submit; schedule 1; topic recorder/news; events");

        assertThat(host.plugin("prober").orElseThrow().granted()).containsExactlyInAnyOrder(Capability.events(),
                Capability.http("127.0.0.1"), Capability.secret("slack.webhook"));
        assertThat(Probe.lines("prober")).containsExactly(
                "ok secret slack.webhook: value of length 34",
                "denied secret other: plugin 'prober' was not granted 'secret:other' (read secret 'other')",
                "ok http " + base + "/hello: 200 hello",
                "denied http http://localhost:" + server.getAddress().getPort() + "/hello?token=abc: plugin 'prober'"
                        + " was not granted 'http:localhost' (GET to localhost)",
                "denied submit: plugin 'prober' was not granted 'workflows' (submit workflow 'from-plugin')",
                "denied schedule 1: plugin 'prober' was not granted 'schedule' (schedule code)",
                "denied topic recorder/news: plugin 'prober' was not granted 'topics:recorder' (subscribe to topic"
                        + " recorder/news)",
                "ok events: subscribed");
        assertThat(audit).extracting(PluginAuditRecord::kind, PluginAuditRecord::capability).containsExactly(
                tuple(Kind.CAPABILITY_GRANTED, "events"), tuple(Kind.CAPABILITY_GRANTED, "http:127.0.0.1"),
                tuple(Kind.CAPABILITY_GRANTED, "secret:slack.webhook"),
                tuple(Kind.CAPABILITY_DENIED, "secret:other"), tuple(Kind.CAPABILITY_DENIED, "http:localhost"),
                tuple(Kind.CAPABILITY_DENIED, "workflows"), tuple(Kind.CAPABILITY_DENIED, "schedule"),
                tuple(Kind.CAPABILITY_DENIED, "topics:recorder"));
        assertThat(audit).filteredOn(r -> r.kind() == Kind.CAPABILITY_DENIED).allSatisfy(r -> {
            assertThat(r.owaspEvent()).isEqualTo("authz_fail");
            assertThat(r.pluginId()).isEqualTo("prober");
            assertThat(r.detail()).doesNotContain("token").doesNotContain("not yours");
        });
    }

    @Test
    void nothingGranted_refusesEverythingButItsOwnTopics() {
        PluginHost host = prober(config(clock), "secret slack.webhook; http " + base + "/hello; events; publish news");

        assertThat(host.plugin("prober").orElseThrow().granted()).isEmpty();
        assertThat(Probe.lines("prober")).extracting(l -> l.substring(0, l.indexOf(' '))).containsExactly("denied",
                "denied", "denied", "ok");
        assertThat(host.events().history("prober/news")).extracting(TopicEvent::payload)
                .containsExactly(Map.of("from", "prober"));
    }

    @Test
    void redirects_areNotFollowed() {
        prober(config(clock).grant("prober", "http:127.0.0.1"), "http " + base + "/elsewhere");
        assertThat(Probe.lines("prober")).containsExactly("ok http " + base + "/elsewhere: 302 ");
    }

    @Test
    void grantedScheduleAndTopics_runOnThePluginsThreadWhenDue() {
        PluginHost host = prober(config(clock).grant("prober", "schedule", "topics:recorder"),
                "schedule 1; topic recorder/news");
        host.events().publish(new TopicEvent("recorder/news", "hello", clock.instant()));
        drain(host, "prober");
        assertThat(Probe.lines("prober")).contains("topic recorder/news hello").doesNotContain("scheduled ran");

        clock.advance(Duration.ofSeconds(1));
        drain(host, "prober");
        assertThat(Probe.lines("prober")).endsWith("scheduled ran");
    }

    @Test
    void grantedWorkflows_submitThroughThePublicSupervisor() {
        var bus = EventBuses.create(64, Runnable::run);
        Supervisor supervisor = Supervisor.create(SupervisorConfig.builder().eventBus(bus)
                .handler(TaskType.of("work"), ctx -> "done").build());
        closing.add(supervisor);
        prober(PluginHostConfig.builder().clock(clock).timer(clock).sharePackages(Probe.PACKAGE)
                .callbackTimeout(Duration.ofMinutes(10)).supervisor(supervisor).grant("prober", "workflows"), "submit");

        assertThat(Probe.lines("prober")).containsExactly("ok submit: SUCCEEDED");
    }
}
