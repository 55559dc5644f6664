/**
 * The plugin SPI: a plugin is a jar whose {@link dev.supervisor.api.plugin.Plugin} class (listed for
 * {@link java.util.ServiceLoader}) carries a {@link dev.supervisor.api.plugin.SupervisorPlugin} descriptor with its
 * version, the host API range it needs, its dependencies and the capabilities it asks for. It acts on the host only
 * through the {@link dev.supervisor.api.plugin.PluginContext} it is given, which holds what the host granted, and
 * offers typed extensions ({@link dev.supervisor.api.plugin.ExtensionPoint}). The host lives in
 * {@code dev.supervisor.core.plugin}.
 */
package dev.supervisor.api.plugin;
