package dev.supervisor.core.plugin.testplugins;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.plugin.CapabilityDeniedException;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.SupervisorPlugin;
import dev.supervisor.core.plugin.probe.Probe;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Tries, in start, each action listed in its setting {@code try} ({@code ;}-separated) and records in the probe
 * log "prober" either {@code ok <action>: <result>} or {@code denied <action>: <message>}.
 */
@SupervisorPlugin(id = "prober", version = "1.0.0", capabilities = {"events", "http:*", "secret:slack.webhook",
        "workflows", "schedule", "topics:recorder"})
public final class ProberPlugin implements Plugin {
    @Override
    public void start(PluginContext ctx) throws Exception {
        for (String each : ctx.settings().getOrDefault("try", "").split(";")) {
            String action = each.strip();
            if (action.isEmpty()) {
                continue;
            }
            try {
                Probe.record("prober", "ok " + action + ": " + run(ctx, action));
            } catch (CapabilityDeniedException e) {
                Probe.record("prober", "denied " + action + ": " + e.getMessage());
            }
        }
    }

    private static String run(PluginContext ctx, String action) throws Exception {
        String[] a = action.split(" ", 2);
        switch (a[0]) {
            case "secret":
                return ctx.secret(a[1]).isEmpty() ? "empty" : "value of length " + ctx.secret(a[1]).length();
            case "http":
                HttpResponse<String> r = ctx.http().send(HttpRequest.newBuilder(URI.create(a[1])).build(),
                        HttpResponse.BodyHandlers.ofString());
                return r.statusCode() + " " + r.body();
            case "events":
                ctx.subscribe(RunFinished.class, e -> Probe.record("prober", "run finished " + e.runId()));
                return "subscribed";
            case "topic":
                ctx.subscribeTopic(a[1], e -> Probe.record("prober", "topic " + e.topic() + " " + e.payload()));
                return "subscribed to " + a[1];
            case "publish":
                ctx.publish(a[1], Map.of("from", "prober"));
                return "published";
            case "submit":
                return ctx.submit(WorkflowSpec.builder("from-plugin").task(TaskSpec.builder("t", TaskType.of("work")))
                        .build(), Map.of()).outcome().join().status().toString();
            case "schedule":
                ctx.schedule(() -> Probe.record("prober", "scheduled ran"), Duration.ofSeconds(Long.parseLong(a[1])));
                return "scheduled";
            default:
                throw new IllegalArgumentException(action);
        }
    }
}
