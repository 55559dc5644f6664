package dev.supervisor.examples;

import com.sun.net.httpserver.HttpServer;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.core.EventBuses;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.plugin.PluginHandle;
import dev.supervisor.core.plugin.PluginHost;
import dev.supervisor.core.plugin.PluginHostConfig;
import dev.supervisor.core.plugin.PluginResolution;
import dev.supervisor.core.plugin.PluginSecrets;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Loads the plugins in a directory (the Slack plugin, built into {@code examples/target/plugins}) and runs a small
 * workflow whose lint step fails, so that Slack hears about the failed task and the finished run. With
 * {@code SLACK_WEBHOOK_URL} set the messages go to that webhook; without it, to a stand-in on loopback that prints
 * them.
 *
 * <pre>
 * java -cp examples/target/supervisor-examples.jar dev.supervisor.examples.PluginDemo examples/target/plugins
 * </pre>
 */
public final class PluginDemo {
    private PluginDemo() {
    }

    /**
     * @param args the plugins directory (default {@code examples/target/plugins})
     * @throws IOException if the stand-in webhook cannot listen
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/target/plugins");
        String webhook = System.getenv("SLACK_WEBHOOK_URL");
        HttpServer standIn = null;
        if (webhook == null || webhook.isBlank()) {
            standIn = standIn(System.out);
            webhook = "http://127.0.0.1:" + standIn.getAddress().getPort() + "/services/T000/B000/demo";
        }
        try {
            RunOutcome outcome = run(dir, webhook, System.out);
            System.exit(outcome.status() == dev.supervisor.api.RunStatus.FAILED ? 0 : 1); // failing is the point
        } finally {
            if (standIn != null) {
                standIn.stop(0);
            }
        }
    }

    /**
     * Runs the demo.
     *
     * @param pluginDir where the plugin jars are
     * @param webhook the Slack webhook URL
     * @param out where to print
     * @return the run's outcome
     */
    public static RunOutcome run(Path pluginDir, String webhook, PrintStream out) {
        EventBus bus = EventBuses.create(1024, Runnable::run);
        PluginHostConfig config = PluginHostConfig.builder().eventBus(bus)
                .grant("slack", "events", "schedule", "secret:slack.webhook", "http:" + URI.create(webhook).getHost())
                .secrets(PluginSecrets.of(Map.of("slack.webhook", webhook)))
                .settings("slack", Map.of("events", "TaskFailed,RunFinished"))
                .build();
        try (PluginHost plugins = PluginHost.create(config);
             Supervisor supervisor = Supervisor.create(SupervisorConfig.builder().eventBus(bus)
                     .handler(TaskType.of("checkout"), ctx -> "checked out")
                     .handler(TaskType.of("lint"), ctx -> {
                         throw new IllegalStateException("3 lint errors in Payment.java");
                     })
                     .handler(TaskType.of("test"), ctx -> "12 passed").build())) {
            PluginResolution resolution = plugins.loadDirectory(pluginDir);
            resolution.problems().forEach(p -> out.println("plugin problem: " + p.message()));
            plugins.startAll().forEach(e -> out.println("plugin failed: " + e.getMessage()));
            for (PluginHandle p : plugins.plugins()) {
                out.println("plugin " + p.id() + " " + p.descriptor().version() + ": " + p.state() + " ("
                        + p.descriptor().description() + ")");
            }
            WorkflowSpec wf = WorkflowSpec.builder("code-change").failureStrategy(FailureStrategy.CONTINUE)
                    .task(TaskSpec.builder("checkout", TaskType.of("checkout")))
                    .task(TaskSpec.builder("lint", TaskType.of("lint")).dependsOn("checkout"))
                    .task(TaskSpec.builder("unit-tests", TaskType.of("test")).dependsOn("checkout"))
                    .build();
            CountDownLatch delivered = new CountDownLatch(2); // the failed lint task and the finished run
            bus.subscribeTopic("slack/delivered", e -> delivered.countDown());
            RunOutcome outcome = supervisor.submit(wf).outcome().join();
            out.println("run " + outcome.runId() + ": " + outcome.status());
            // Slack takes one message a second: give the plugin the time to post both before the host stops it.
            if (!await(delivered)) {
                out.println("the Slack plugin did not deliver both messages within 30 s");
            }
            plugins.plugin("slack").ifPresent(p -> out.println("slack plugin health: " + p.health()));
            return outcome;
        }
    }


    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A stand-in for Slack's webhook endpoint on loopback: prints each message's text and answers {@code ok}.
     *
     * @param out where to print
     * @return the running server
     * @throws IOException if it cannot listen
     */
    static HttpServer standIn(PrintStream out) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/services/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int start = body.indexOf("\"text\":\"") + 8;
            out.println("slack <- " + body.substring(start, body.indexOf("\",", start)));
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        server.start();
        return server;
    }
}
