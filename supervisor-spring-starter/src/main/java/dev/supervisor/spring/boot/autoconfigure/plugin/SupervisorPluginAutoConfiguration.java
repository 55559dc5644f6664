package dev.supervisor.spring.boot.autoconfigure.plugin;

import static dev.supervisor.spring.boot.autoconfigure.PropertyChecks.invalid;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.auth.audit.AuditLog;
import dev.supervisor.core.EventBuses;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.plugin.PluginHost;
import dev.supervisor.core.plugin.PluginHostConfig;
import dev.supervisor.core.plugin.PluginResolution;
import dev.supervisor.core.plugin.PluginSecrets;
import dev.supervisor.core.plugin.PluginStateStore;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import dev.supervisor.spring.boot.autoconfigure.SupervisorConfigCustomizer;
import dev.supervisor.spring.boot.autoconfigure.SupervisorProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Plugins from {@code supervisor.plugins.directory} ({@code dev.supervisor.core.plugin.PluginHost}): every jar of
 * the directory is loaded with its own class loader, granted what {@code supervisor.plugins.grants.<id>} lists and
 * configured with {@code supervisor.plugins.settings.<id>.*} (secrets from a {@link PluginSecrets} bean, denials and
 * quarantines recorded in the {@link AuditLog} bean when there is one). The plugins and the supervisor share one
 * event bus (the {@link EventBus} bean defined here), so plugins receive its events; the plugins start as the
 * supervisor is configured, and each task type they register — and each one listed in
 * {@code supervisor.plugins.task-types} — is run by the plugin that serves it. They stop after the supervisor has
 * drained; their states are in the health ({@code supervisorPlugins}). An application that defines its own {@code SupervisorConfig} gives it the {@link EventBus} bean and the
 * host's {@link PluginHost#taskHandler task handlers} itself.
 */
@AutoConfiguration(after = SupervisorAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = {"supervisor.enabled", "supervisor.plugins.enabled"}, matchIfMissing = true)
@ConditionalOnProperty(name = "supervisor.plugins.directory")
@EnableConfigurationProperties({PluginProperties.class, SupervisorProperties.class})
public class SupervisorPluginAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorPluginAutoConfiguration.class);

    /** The bus the supervisor and the plugins share, with the threads of its asynchronous subscribers. */
    static final class SharedBus implements DisposableBean {
        final ExecutorService executor;
        final EventBus bus;

        SharedBus(int asyncCapacity) {
            CustomizableThreadFactory threads = new CustomizableThreadFactory("supervisor-events-");
            threads.setDaemon(true);
            this.executor = Executors.newCachedThreadPool(threads);
            this.bus = EventBuses.create(asyncCapacity, executor);
        }

        @Override
        public void destroy() {
            executor.shutdownNow();
        }
    }

    @Bean
    @ConditionalOnMissingBean(EventBus.class)
    SharedBus supervisorSharedEventBus(SupervisorProperties props) {
        return new SharedBus(props.getAsyncEventQueueCapacity());
    }

    /**
     * @param shared the bus with its threads
     * @return the bus the supervisor and the plugins share
     */
    @Bean
    @ConditionalOnMissingBean(EventBus.class)
    public EventBus supervisorEventBus(SharedBus shared) {
        return shared.bus;
    }

    /**
     * @param props the plugin properties
     * @param bus the bus the supervisor publishes on
     * @param supervisors the supervisor, looked up when the context starts
     * @param secrets a secrets bean, if any
     * @param audit the audit log, if any
     * @return the plugins' life in the context
     */
    @Bean
    @ConditionalOnMissingBean(PluginHost.class)
    SupervisorPlugins supervisorPlugins(PluginProperties props, EventBus bus, ObjectProvider<Supervisor> supervisors,
                                        ObjectProvider<PluginSecrets> secrets, ObjectProvider<AuditLog> audit) {
        String at = "supervisor.plugins.";
        Path dir = props.getDirectory();
        if (!Files.isDirectory(dir)) {
            throw invalid(at + "directory", dir, "not a directory");
        }
        PluginHostConfig.Builder b = PluginHostConfig.builder().eventBus(bus);
        props.getGrants().forEach((id, caps) -> {
            try {
                b.grant(id, caps.toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw invalid(at + "grants." + id, caps, e.getMessage());
            }
        });
        props.getSettings().forEach(b::settings);
        secrets.ifAvailable(b::secrets);
        audit.ifAvailable(log -> b.audit(r -> log.record(r.owaspEvent(), r.pluginId(), "plugin:" + r.pluginId(),
                Map.of("capability", r.capability(), "detail", r.detail()))));
        if (props.getStateFile() != null) {
            b.stateStore(PluginStateStore.file(props.getStateFile()));
        }
        try {
            b.callbackTimeout(props.getCallbackTimeout());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(at + "callback-timeout", props.getCallbackTimeout(), "must be positive");
        }
        return new SupervisorPlugins(b, supervisors);
    }

    /**
     * @param plugins the plugins' life in the context
     * @return the host, with the directory's plugins loaded and resolved (they start with the supervisor)
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnBean(SupervisorPlugins.class)
    public PluginHost supervisorPluginHost(SupervisorPlugins plugins, PluginProperties props) {
        PluginResolution resolution = plugins.host().loadDirectory(props.getDirectory());
        resolution.problems().forEach(p -> LOG.warn("plugin problem: {}", p.message()));
        return plugins.host();
    }

    /** The plugins' health (Boot's health module present). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("supervisor")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "supervisorPluginsHealthIndicator")
        PluginsHealthIndicator supervisorPluginsHealthIndicator(PluginHost host) {
            return new PluginsHealthIndicator(host);
        }
    }

    /**
     * @param plugins the application's plugins
     * @param host their host
     * @param props the plugin properties
     * @return what starts the plugins and gives the supervisor a handler for each task type they serve
     */
    @Bean
    @ConditionalOnBean(SupervisorPlugins.class)
    public SupervisorConfigCustomizer supervisorPluginTaskHandlers(SupervisorPlugins plugins, PluginHost host,
                                                                   PluginProperties props) {
        return b -> {
            plugins.startPlugins();
            Set<TaskType> types = new LinkedHashSet<>(plugins.taskTypes());
            props.getTaskTypes().forEach(t -> types.add(TaskType.of(t)));
            for (TaskType t : types) {
                try {
                    b.handler(t, host.taskHandler(t));
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("task type " + t + " is served by a plugin and also by a "
                            + "TaskHandler bean; remove one", e);
                }
            }
        };
    }
}
