package dev.supervisor.core.plugin.testplugins;

import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.PluginHealth;
import dev.supervisor.api.plugin.SupervisorPlugin;
import dev.supervisor.core.plugin.probe.Probe;

/** Records the task events it receives, and its start and stop, in the probe log "recorder". */
@SupervisorPlugin(id = "recorder", version = "1.0.0", requires = ">=1.0 <2", capabilities = "events",
        description = "records task events")
public final class RecorderPlugin implements Plugin {
    private volatile String health = "up";

    @Override
    public void start(PluginContext ctx) {
        health = ctx.settings().getOrDefault("health", "up");
        ctx.subscribe(TaskEvent.class, e -> Probe.record("recorder", e.getClass().getSimpleName() + " " + e.taskId()
                + " on " + Thread.currentThread().getName()));
        Probe.keepWeakly(getClass().getClassLoader());
        Probe.record("recorder", "started");
    }

    @Override
    public void stop() {
        Probe.record("recorder", "stopped");
    }

    @Override
    public PluginHealth health() {
        return health.equals("up") ? PluginHealth.up() : PluginHealth.degraded(health);
    }
}
