package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.plugin.Capability;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginAuditRecord;
import dev.supervisor.api.plugin.PluginDependency;
import dev.supervisor.core.plugin.PluginException;
import dev.supervisor.core.plugin.PluginHostConfig;
import dev.supervisor.core.plugin.PluginResolution;
import dev.supervisor.core.plugin.PluginState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts plugins in dependency order and stops them in reverse, under the host's lock. Plugin code (constructor,
 * start, stop) runs on the plugin's own threads within the time limit; the host only waits for it.
 */
final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
    private final DefaultPluginHost host;
    private final PluginHostConfig config;
    private final HostServices services;

    Lifecycle(DefaultPluginHost host, PluginHostConfig config, HostServices services) {
        this.host = host;
        this.config = config;
        this.services = services;
    }

    void start(String id) {
        host.locked(() -> {
            LoadedPlugin p = host.get(id);
            p.check(PluginState.STARTED);
            startWithDependencies(p);
        });
    }

    private void startWithDependencies(LoadedPlugin p) {
        for (PluginDependency d : p.descriptor().dependencies()) {
            LoadedPlugin dep = host.plugins.get(d.pluginId());
            if (dep == null || dep.state() == PluginState.DISABLED) {
                if (!d.optional()) {
                    throw new PluginException(p.id(), "plugin '" + p.id() + "' needs plugin '" + d.pluginId()
                            + "', which is " + (dep == null ? "not loaded" : "disabled"), null);
                }
            } else if (dep.state() != PluginState.STARTED) {
                try {
                    dep.check(PluginState.STARTED);
                    startWithDependencies(dep);
                } catch (PluginException e) {
                    if (!d.optional()) {
                        throw new PluginException(p.id(), "plugin '" + p.id() + "' needs plugin '" + d.pluginId()
                                + "', which did not start: " + e.getMessage(), e);
                    }
                    LOG.warn("optional dependency '{}' of plugin '{}' did not start", d.pluginId(), p.id(), e);
                }
            }
        }
        doStart(p);
    }

    private void doStart(LoadedPlugin p) {
        String id = p.id();
        Set<Capability> granted = Audit.effective(p.descriptor().capabilities(), config.grants(id));
        for (Capability c : granted) {
            services.audit().record(id, PluginAuditRecord.Kind.CAPABILITY_GRANTED, c.toString(), "at start");
        }
        Bulkhead bulkhead = new Bulkhead(id, p.classLoader(), config.threadsPerPlugin(), config.queueCapacity(),
                services.timer(), config.callbackTimeout(), config.maxConsecutiveFailures(),
                reason -> quarantined(p, reason));
        DefaultPluginContext context = new DefaultPluginContext(p, granted, services, bulkhead);
        p.starting(granted, bulkhead, context);
        var provider = p.provider();
        Plugin instance;
        try {
            instance = bulkhead.call("start", () -> {
                Plugin created = provider.get(); // a new instance for each start
                created.start(context);
                return created;
            }, false).join();
        } catch (CompletionException e) {
            String reason = "failed to start: " + describe(e.getCause());
            context.close();
            bulkhead.shutdown(config.stopGrace());
            p.stopped();
            p.failIfRunning(reason);
            throw new PluginException(id, "plugin '" + id + "' " + reason, e.getCause());
        }
        p.started(instance);
        p.moveTo(PluginState.STARTED, ""); // throws if it was quarantined meanwhile (it is FAILED then)
    }

    static String describe(Throwable t) {
        return t instanceof Bulkhead.Refused ? t.getMessage() : String.valueOf(t);
    }

    /** From a plugin's or the timer's thread: no host lock here, the plugin's own monitor only. */
    private void quarantined(LoadedPlugin p, String reason) {
        DefaultPluginContext c = p.context();
        if (c != null) {
            c.close();
        }
        services.audit().record(p.id(), PluginAuditRecord.Kind.PLUGIN_QUARANTINED, "", reason);
        if (p.failIfRunning("quarantined: " + reason)) {
            LOG.warn("plugin '{}' quarantined: {}", p.id(), reason);
        }
    }

    void stop(String id) {
        host.locked(() -> {
            LoadedPlugin p = host.get(id);
            p.check(PluginState.STOPPED);
            List<LoadedPlugin> dependents = new ArrayList<>(host.requiring(id));
            Collections.reverse(dependents);
            for (LoadedPlugin d : dependents) {
                if (d.state() == PluginState.STARTED) {
                    stop(d.id());
                }
            }
            doStop(p);
        });
    }

    private void doStop(LoadedPlugin p) {
        DefaultPluginContext context = p.context();
        Bulkhead bulkhead = p.bulkhead();
        Plugin instance = p.instance();
        context.withdraw();
        Throwable failure = null;
        try {
            bulkhead.call("stop", () -> {
                instance.stop();
                return null;
            }, false).join();
        } catch (CompletionException e) {
            failure = e.getCause();
        }
        context.close();
        if (!bulkhead.shutdown(config.stopGrace())) {
            LOG.warn("a thread of plugin '{}' did not end within {}; it is left behind", p.id(), config.stopGrace());
        }
        p.stopped();
        if (failure != null) {
            p.failIfRunning("failed to stop: " + describe(failure));
            throw new PluginException(p.id(), "plugin '" + p.id() + "' failed to stop: " + describe(failure),
                    failure);
        }
        if (p.state() == PluginState.STARTED) { // not quarantined meanwhile
            p.moveTo(PluginState.STOPPED, "");
        }
    }

    List<PluginException> startAll() {
        return host.locked(() -> {
            List<PluginException> failed = new ArrayList<>();
            for (LoadedPlugin p : host.ordered()) {
                if (p.state() == PluginState.RESOLVED || p.state() == PluginState.STOPPED) {
                    try {
                        startWithDependencies(p);
                    } catch (PluginException e) {
                        failed.add(e);
                    }
                }
            }
            return failed;
        });
    }

    void stopAll() {
        host.locked(() -> {
            List<LoadedPlugin> all = host.ordered();
            Collections.reverse(all);
            for (LoadedPlugin p : all) {
                if (p.state() == PluginState.STARTED) {
                    try {
                        doStop(p);
                    } catch (PluginException e) {
                        LOG.warn("{}", e.getMessage(), e.getCause());
                    }
                }
            }
        });
    }

    void disable(String id) {
        host.locked(() -> {
            LoadedPlugin p = host.get(id);
            p.check(PluginState.DISABLED);
            config.stateStore().setEnabled(id, false);
            p.moveTo(PluginState.DISABLED, "");
        });
    }

    PluginResolution enable(String id) {
        return host.locked(() -> {
            LoadedPlugin p = host.get(id);
            p.check(PluginState.CREATED);
            config.stateStore().setEnabled(id, true);
            p.moveTo(PluginState.CREATED, "");
            return host.resolve();
        });
    }

    void unload(String id) {
        host.locked(() -> {
            LoadedPlugin p = host.get(id);
            if (p.state() == PluginState.STARTED) {
                stop(id);
            }
            p.moveTo(PluginState.UNLOADED, "");
            p.release();
            host.plugins.remove(id);
            host.resolve();
        });
    }

    PluginResolution reload(String id) {
        return host.locked(() -> {
            LoadedPlugin p = host.get(id);
            Path jar = p.jar();
            if (jar == null) {
                throw new PluginException(id, "plugin '" + id + "' comes from the class path and cannot be reloaded",
                        null);
            }
            boolean wasStarted = p.state() == PluginState.STARTED;
            List<String> restart = new ArrayList<>();
            for (LoadedPlugin d : host.requiring(id)) {
                if (d.state() == PluginState.STARTED) {
                    restart.add(d.id());
                }
            }
            unload(id); // stops the dependents first
            PluginResolution r = host.load(jar);
            if (wasStarted && host.plugins.containsKey(id) && host.plugins.get(id).state() == PluginState.RESOLVED) {
                startQuietly(id);
                restart.forEach(this::startQuietly);
            }
            return r;
        });
    }

    private void startQuietly(String id) {
        LoadedPlugin p = host.plugins.get(id);
        if (p != null && p.can(PluginState.STARTED)) {
            try {
                startWithDependencies(p);
            } catch (PluginException e) {
                LOG.warn("{}", e.getMessage(), e.getCause());
            }
        }
    }
}
