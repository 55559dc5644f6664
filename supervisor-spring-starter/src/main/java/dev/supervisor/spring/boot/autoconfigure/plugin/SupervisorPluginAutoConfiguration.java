package dev.supervisor.spring.boot.autoconfigure.plugin;

import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Plugins from {@code supervisor.plugins.directory}, once Supervisor's plugin host
 * ({@code dev.supervisor.core.plugin.PluginHost}) is on the class path; until then this configuration does not
 * apply. To be completed with the host: a {@code PluginHost} bean built from {@code PluginHostConfig} with the
 * supervisor and the {@code supervisor.plugins.grants}, {@code loadDirectory(directory)} and {@code startAll()} when
 * the context starts and a stop in {@code SupervisorLifecycle}'s phase, and a health contributor per plugin state.
 */
@AutoConfiguration(after = SupervisorAutoConfiguration.class)
@ConditionalOnClass(name = "dev.supervisor.core.plugin.PluginHost")
@ConditionalOnBooleanProperty(name = "supervisor.plugins.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "supervisor.plugins.directory")
@EnableConfigurationProperties(PluginProperties.class)
public class SupervisorPluginAutoConfiguration {
}
