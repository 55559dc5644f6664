package dev.supervisor.core.plugin.testplugins;

import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.SupervisorPlugin;
import dev.supervisor.core.plugin.probe.Probe;

/**
 * On its first event, allocates in a loop (keeping a bounded window of 8 MB alive) until interrupted, without ever
 * returning by itself; with the setting {@code huge=true} it asks for an array no JVM can give instead.
 */
@SupervisorPlugin(id = "allocating", version = "1.0.0", capabilities = "events")
public final class AllocatingPlugin implements Plugin {
    static volatile Object sink;

    @Override
    public void start(PluginContext ctx) {
        boolean huge = Boolean.parseBoolean(ctx.settings().get("huge"));
        ctx.subscribe(TaskEvent.class, e -> {
            Probe.record("allocating", "received " + e.taskId());
            if (huge) {
                sink = new long[Integer.MAX_VALUE]; // OutOfMemoryError: beyond the VM's array size limit
            }
            byte[][] window = new byte[8][];
            long n = 0;
            while (!Thread.currentThread().isInterrupted()) {
                window[(int) (n++ % window.length)] = new byte[1 << 20];
                if (n == 1) {
                    Probe.latch("allocating.entered").countDown();
                }
            }
            sink = window;
            Probe.record("allocating", "interrupted after " + (n > 0 ? "allocating" : "nothing"));
            Probe.latch("allocating.exited").countDown();
        });
    }
}
