package dev.supervisor.spring.boot.testplugins;

import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.SupervisorPlugin;

/** Fails to start. */
@SupervisorPlugin(id = "broken", version = "0.1.0", description = "Cannot start")
public final class BrokenPlugin implements Plugin {
    @Override
    public void start(PluginContext ctx) {
        throw new IllegalStateException("no licence file");
    }
}
