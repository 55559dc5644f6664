package dev.supervisor.core.plugin.guide;

// tag::plugin[]
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.SupervisorPlugin;
import java.util.Map;

/** Publishes every failed task on its topic {@code hello/failures}. */
@SupervisorPlugin(id = "hello", version = "1.0.0", requires = ">=1.0 <2", capabilities = "events",
        description = "Publishes failed tasks on the topic hello/failures")
public final class HelloPlugin implements Plugin {
    @Override
    public void start(PluginContext ctx) {
        ctx.subscribe(TaskFailed.class, e -> ctx.publish("failures",
                Map.of("workflow", e.workflowId(), "task", e.taskId(), "error", e.error())));
    }
}
// end::plugin[]
