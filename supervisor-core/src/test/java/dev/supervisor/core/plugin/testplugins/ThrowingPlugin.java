package dev.supervisor.core.plugin.testplugins;

import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.SupervisorPlugin;
import dev.supervisor.core.plugin.probe.Probe;

/** Throws on every event it receives. */
@SupervisorPlugin(id = "throwing", version = "1.0.0", capabilities = "events")
public final class ThrowingPlugin implements Plugin {
    @Override
    public void start(PluginContext ctx) {
        ctx.subscribe(TaskEvent.class, e -> {
            Probe.record("throwing", "received " + e.taskId());
            throw new IllegalStateException("cannot handle " + e.taskId());
        });
    }
}
