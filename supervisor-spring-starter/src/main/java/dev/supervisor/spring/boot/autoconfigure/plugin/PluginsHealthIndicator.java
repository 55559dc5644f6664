package dev.supervisor.spring.boot.autoconfigure.plugin;

import dev.supervisor.core.plugin.PluginHandle;
import dev.supervisor.core.plugin.PluginHost;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The plugins ({@code supervisorPlugins}): each plugin's state, with the reason of a FAILED or unresolved one. It is
 * UP whatever the plugins' states — a failed plugin is quarantined and the application carries on — so a monitor
 * reads the details, not the status.
 */
public class PluginsHealthIndicator implements HealthIndicator {
    private final PluginHost host;

    /** @param host the plugin host */
    public PluginsHealthIndicator(PluginHost host) {
        this.host = host;
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        for (PluginHandle p : host.plugins()) {
            states.put(p.id(), p.state() + p.problem().map(r -> ": " + r).orElse(""));
        }
        return Health.up().withDetails(Map.copyOf(states)).build();
    }
}
