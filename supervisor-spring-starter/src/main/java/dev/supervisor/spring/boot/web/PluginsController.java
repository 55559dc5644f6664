package dev.supervisor.spring.boot.web;

import dev.supervisor.api.plugin.PluginHealth;
import dev.supervisor.core.plugin.IllegalPluginStateException;
import dev.supervisor.core.plugin.PluginException;
import dev.supervisor.core.plugin.PluginHandle;
import dev.supervisor.core.plugin.PluginHost;
import dev.supervisor.core.plugin.PluginState;
import dev.supervisor.core.plugin.PluginStats;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plugins of the {@link PluginHost} bean: their versions, states, failure reasons and extensions; starting and
 * stopping them, and switching them off and on. Plugins run code inside the application, so every endpoint needs
 * {@code system:admin}. A move the plugin's state does not allow is 409 naming both states.
 */
@RestController
@RequestMapping(SupervisorApiAutoConfiguration.BASE_PATH + "/plugins")
public class PluginsController {
    private final ObjectProvider<PluginHost> hosts;

    /**
     * One plugin.
     *
     * @param id the plugin id
     * @param version its version
     * @param description its descriptor's description
     * @param state CREATED, RESOLVED, STARTED, STOPPED, FAILED, DISABLED or UNLOADED
     * @param problem why it is unresolved or FAILED, or null
     * @param health UP, DEGRADED or DOWN (a plugin that is not started is DOWN)
     * @param healthDetail what its health check said, or null
     * @param capabilities the capabilities granted to it (empty until it starts)
     * @param extensions what it registered while started: {@code task-handler:<type>}, {@code notification}…
     * @param completed callbacks completed
     * @param failures callbacks that failed
     * @param timeouts callbacks that overran the time limit
     */
    public record PluginView(String id, String version, String description, PluginState state, String problem,
                             PluginHealth.Status health, String healthDetail, List<String> capabilities,
                             List<String> extensions, long completed, long failures, long timeouts) {
    }

    /** @param hosts the plugin host bean, if any */
    public PluginsController(ObjectProvider<PluginHost> hosts) {
        this.hosts = hosts;
    }

    /** @return every loaded plugin, resolved ones in start order first */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("system:admin")
    public List<PluginView> list() {
        return host().plugins().stream().map(PluginsController::view).toList();
    }

    /** @param id a plugin id @return the plugin */
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("system:admin")
    public PluginView get(@PathVariable("id") String id) {
        return view(plugin(id));
    }

    /** @param id a plugin id @return the plugin, started after the plugins it requires */
    @PostMapping(path = "/{id}/start", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("system:admin")
    public PluginView start(@PathVariable("id") String id) {
        return change(id, h -> h.start(id));
    }

    /** @param id a plugin id @return the plugin, stopped after the started plugins that require it */
    @PostMapping(path = "/{id}/stop", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("system:admin")
    public PluginView stop(@PathVariable("id") String id) {
        return change(id, h -> h.stop(id));
    }

    /**
     * Switches a plugin off: stopped if it runs, then DISABLED (kept across restarts when the host has a state file).
     *
     * @param id a plugin id
     * @return the plugin
     */
    @PostMapping(path = "/{id}/disable", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("system:admin")
    public PluginView disable(@PathVariable("id") String id) {
        return change(id, h -> {
            if (h.plugin(id).orElseThrow().state() == PluginState.STARTED) {
                h.stop(id);
            }
            h.disable(id);
        });
    }

    /**
     * Switches a disabled plugin back on: resolved again, and started if it resolves.
     *
     * @param id a plugin id
     * @return the plugin
     */
    @PostMapping(path = "/{id}/enable", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("system:admin")
    public PluginView enable(@PathVariable("id") String id) {
        return change(id, h -> {
            h.enable(id);
            if (h.plugin(id).orElseThrow().state() == PluginState.RESOLVED) {
                h.start(id);
            }
        });
    }

    private PluginView change(String id, java.util.function.Consumer<PluginHost> move) {
        PluginHost host = host();
        plugin(id);
        try {
            move.accept(host);
        } catch (IllegalPluginStateException e) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", e.getMessage(), Map.of("pluginId", id,
                    "state", e.from().name()));
        } catch (PluginException e) {
            throw new ApiException(HttpStatus.CONFLICT, "plugin-failed", e.getMessage(), Map.of("pluginId", id,
                    "state", plugin(id).state().name()));
        }
        return view(plugin(id));
    }

    private PluginHandle plugin(String id) {
        return host().plugin(id).orElseThrow(() -> ApiException.notFound("plugin", id));
    }

    private PluginHost host() {
        PluginHost host = hosts.getIfUnique();
        if (host == null) {
            throw ApiException.unavailable("plugins need a plugin host: set supervisor.plugins.directory");
        }
        return host;
    }

    private static PluginView view(PluginHandle p) {
        PluginHealth health = p.health();
        PluginStats stats = p.stats();
        return new PluginView(p.id(), p.descriptor().version().toString(), p.descriptor().description(), p.state(),
                p.problem().orElse(null), health.status(), health.detail(),
                p.granted().stream().map(Object::toString).sorted().toList(),
                p.extensions().stream().map(Object::toString).toList(), stats.completed(), stats.failures(),
                stats.timeouts());
    }
}
