package dev.supervisor.core.plugin.testplugins;

import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.SupervisorPlugin;
import dev.supervisor.core.plugin.probe.Probe;

/** Blocks on its first event until released or interrupted (latches "hanging.entered", "hanging.release"). */
@SupervisorPlugin(id = "hanging", version = "1.0.0", capabilities = "events")
public final class HangingPlugin implements Plugin {
    @Override
    public void start(PluginContext ctx) {
        ctx.subscribe(TaskEvent.class, e -> {
            Probe.record("hanging", "received " + e.taskId());
            Probe.latch("hanging.entered").countDown();
            try {
                Probe.latch("hanging.release").await();
                Probe.record("hanging", "released");
            } catch (InterruptedException ex) {
                Probe.record("hanging", "interrupted");
                Thread.currentThread().interrupt();
                Probe.latch("hanging.exited").countDown();
            }
        });
    }
}
