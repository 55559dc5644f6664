package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.event.EventBus;
import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.plugin.PluginHostConfig;
import dev.supervisor.core.plugin.PluginSecrets;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * What the host shares with every plugin's context.
 *
 * @param config the host's configuration
 * @param clock its clock
 * @param timer time limits and scheduled plugin code
 * @param bus the event bus
 * @param supervisor where workflows go, or null
 * @param secrets named secrets
 * @param audit the audit trail
 * @param http the client behind the guarded ones, or null when no plugin may use HTTP
 * @param extensions named extensions of started plugins
 * @param hop a host thread for calls that may start threads (see {@link DefaultPluginContext#submit})
 */
record HostServices(PluginHostConfig config, Clock clock, DelayScheduler timer, EventBus bus,
                    Supplier<Supervisor> supervisor, PluginSecrets secrets, Audit audit, HttpClient http,
                    Extensions extensions, ExecutorService hop) {
}
