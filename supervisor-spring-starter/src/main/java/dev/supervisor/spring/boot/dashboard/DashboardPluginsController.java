package dev.supervisor.spring.boot.dashboard;

import dev.supervisor.core.plugin.PluginHandle;
import dev.supervisor.core.plugin.PluginHost;
import dev.supervisor.spring.boot.dashboard.DashboardModels.PluginView;
import dev.supervisor.spring.boot.web.ApiException;
import dev.supervisor.spring.boot.web.ApiPermission;
import dev.supervisor.spring.boot.web.SupervisorApiAutoConfiguration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The plugins of the {@link PluginHost} bean and their states, for administrators. */
@RestController
@RequestMapping(SupervisorApiAutoConfiguration.BASE_PATH + "/plugins")
public class DashboardPluginsController {
    private final ObjectProvider<PluginHost> hosts;

    /** @param hosts the plugin host bean, if any */
    public DashboardPluginsController(ObjectProvider<PluginHost> hosts) {
        this.hosts = hosts;
    }

    /** @return every loaded plugin with its state, health and counters; 501 without a plugin host */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("system:admin")
    public List<PluginView> list() {
        PluginHost host = hosts.getIfUnique();
        if (host == null) {
            throw new ApiException(HttpStatus.NOT_IMPLEMENTED, "not-configured", "plugins need a PluginHost bean",
                    Map.of());
        }
        return host.plugins().stream().map(DashboardPluginsController::view).toList();
    }

    static PluginView view(PluginHandle p) {
        return new PluginView(p.id(), p.descriptor().version().toString(), p.descriptor().description(),
                p.state().name(), p.health().status().name(), p.health().detail(), p.problem().orElse(null),
                p.granted().stream().map(Object::toString).sorted().toList(), p.stats().completed(),
                p.stats().failures(), p.stats().timeouts());
    }
}
