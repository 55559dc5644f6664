package dev.supervisor.core.plugin.testplugins;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.plugin.DataSource;
import dev.supervisor.api.plugin.ExtensionPoint;
import dev.supervisor.api.plugin.Integration;
import dev.supervisor.api.plugin.NotificationChannel;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.SupervisorPlugin;
import dev.supervisor.api.plugin.WebhookRequest;
import dev.supervisor.api.plugin.WebhookResponse;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.plugin.probe.Probe;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One extension of each kind: a task handler, a data source, an integration, a notification channel, analytics. */
@SupervisorPlugin(id = "tools", version = "1.0.0", capabilities = "events")
public final class ToolsPlugin implements Plugin {
    @Override
    public void start(PluginContext ctx) {
        ctx.register(ExtensionPoint.TASK_HANDLER, new TaskHandler() {
            @Override
            public Object execute(TaskContext task) {
                return "hello " + task.inputs().get("name") + " from " + Thread.currentThread()
                        .getContextClassLoader().getName();
            }

            @Override
            public Set<TaskType> types() {
                return Set.of(TaskType.of("greet"));
            }
        });
        ctx.register(ExtensionPoint.DATA_SOURCE, new DataSource() {
            @Override
            public String name() {
                return "colors";
            }

            @Override
            public Object read(Map<String, Object> query) {
                return List.of("red", "green").subList(0, ((Number) query.get("limit")).intValue());
            }
        });
        ctx.register(ExtensionPoint.INTEGRATION, new Integration() {
            @Override
            public String name() {
                return "echo";
            }

            @Override
            public WebhookResponse receive(WebhookRequest request) {
                if (request.body().equals("fail")) {
                    throw new IllegalArgumentException("cannot echo that");
                }
                return WebhookResponse.ok(request.method() + " " + request.body());
            }
        });
        ctx.register(ExtensionPoint.NOTIFICATION, new NotificationChannel() {
            @Override
            public boolean accepts(SupervisorEvent event) {
                return event instanceof RunFinished;
            }

            @Override
            public void send(SupervisorEvent event) {
                Probe.record("tools", "notified " + ((RunFinished) event).status());
            }
        });
        ctx.register(ExtensionPoint.ANALYTICS, e -> Probe.record("tools", "measured " + e.getClass().getSimpleName()));
    }
}
