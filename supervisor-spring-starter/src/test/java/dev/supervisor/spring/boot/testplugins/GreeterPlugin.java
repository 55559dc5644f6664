package dev.supervisor.spring.boot.testplugins;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.plugin.ExtensionPoint;
import dev.supervisor.api.plugin.NotificationChannel;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.SupervisorPlugin;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import java.util.Set;

/** Runs tasks of type {@code greet} with the greeting of its settings, and takes notifications. */
@SupervisorPlugin(id = "greeter", version = "1.2.0", capabilities = "events",
        description = "Greets in tasks of type greet")
public final class GreeterPlugin implements Plugin {
    @Override
    public void start(PluginContext ctx) {
        String greeting = ctx.settings().getOrDefault("greeting", "hello");
        ctx.register(ExtensionPoint.TASK_HANDLER, new TaskHandler() {
            @Override
            public Set<TaskType> types() {
                return Set.of(TaskType.of("greet"));
            }

            @Override
            public Object execute(TaskContext task) {
                return greeting + " " + task.inputs().get("name");
            }
        });
        ctx.register(ExtensionPoint.NOTIFICATION, new NotificationChannel() {
            @Override
            public boolean accepts(SupervisorEvent event) {
                return false;
            }

            @Override
            public void send(SupervisorEvent event) {
                // accepts nothing: registered to be listed
            }
        });
    }
}
