package dev.supervisor.spring.boot.autoconfigure.plugin;

import dev.supervisor.api.TaskType;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.plugin.PluginException;
import dev.supervisor.core.plugin.PluginHandle;
import dev.supervisor.core.plugin.PluginHost;
import dev.supervisor.core.plugin.PluginHostConfig;
import dev.supervisor.core.plugin.PluginState;
import dev.supervisor.spring.boot.autoconfigure.SupervisorLifecycle;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * The application's plugins through the context's life. They start once, as early as the supervisor's configuration
 * is made (so that the task types they register become the supervisor's), or when the context starts if the
 * application made its own configuration; the supervisor they submit to is known from the context's start on. They
 * stop after the supervisor has drained, since its running tasks may be theirs.
 */
final class SupervisorPlugins implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorPlugins.class);
    private final AtomicReference<Supervisor> supervisor = new AtomicReference<>();
    private final ObjectProvider<Supervisor> supervisors;
    private final PluginHost host;
    private boolean started;
    private volatile boolean running;

    /**
     * @param config the host's configuration, but for the supervisor
     * @param supervisors the supervisor bean, looked up when the context starts
     */
    SupervisorPlugins(PluginHostConfig.Builder config, ObjectProvider<Supervisor> supervisors) {
        this.supervisors = supervisors;
        this.host = PluginHost.create(config.supervisor(supervisor::get).build());
    }

    /** @return the host */
    PluginHost host() {
        return host;
    }

    /** Starts every resolved plugin, the first time only; a plugin that fails is FAILED with its reason, logged. */
    synchronized void startPlugins() {
        if (started) {
            return;
        }
        started = true;
        for (PluginException e : host.startAll()) {
            LOG.warn("plugin did not start: {}", e.getMessage());
        }
        for (PluginHandle p : host.plugins()) {
            LOG.info("plugin {} {}: {}", p.id(), p.descriptor().version(), p.state());
        }
    }

    /** @return the task types the started plugins registered */
    Set<TaskType> taskTypes() {
        Set<TaskType> types = new LinkedHashSet<>();
        for (PluginHandle p : host.plugins()) {
            if (p.state() == PluginState.STARTED) {
                p.extensions().stream().filter(e -> e.point().equals("task-handler"))
                        .forEach(e -> types.add(TaskType.of(e.name())));
            }
        }
        return types;
    }

    @Override
    public void start() {
        supervisor.set(supervisors.getIfAvailable());
        startPlugins();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        host.stopAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the supervisor's phase: started before it, stopped after it has drained. */
    @Override
    public int getPhase() {
        return SupervisorLifecycle.PHASE - 1024;
    }
}
