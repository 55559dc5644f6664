package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.ProbeResult;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A plugin's provider as the host's routers see it. What a router reads once (task types, capabilities, limits,
 * cost model, group) is what the provider declared when this view was made; calls are looked up by id at each use,
 * so they follow the plugin stopping, starting again or being reloaded, and a provider withdrawn with its plugin
 * answers {@code UNAVAILABLE} and probes down, which takes it out of rotation. Calls run on the caller's thread with
 * the plugin's class loader, as task handlers do: a provider call may take minutes and many may run at once.
 */
final class PluginProvider implements Provider {
    private final Extensions extensions;
    private final String id;
    private final Set<TaskType> taskTypes;
    private final Set<String> capabilities;
    private final ProviderLimits limits;
    private final CostModel costModel;
    private final String group;

    private PluginProvider(Extensions extensions, Extensions.Owned<Provider> o) {
        Provider p = o.extension();
        this.extensions = extensions;
        this.id = p.id();
        this.taskTypes = Set.copyOf(declared(o, p.taskTypes(), "task types"));
        this.capabilities = Set.copyOf(declared(o, p.capabilities(), "capabilities"));
        this.limits = declared(o, p.limits(), "limits");
        this.costModel = declared(o, p.costModel(), "cost model");
        this.group = declared(o, p.group(), "group");
    }

    private static <T> T declared(Extensions.Owned<Provider> o, T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("provider '" + o.extension().id() + "' of plugin '" + o.pluginId()
                    + "' declares no " + what);
        }
        return value;
    }

    /**
     * Reads what the provider declares, with its plugin's class loader.
     *
     * @throws IllegalArgumentException if it declares a null cost model, limits, group or set
     */
    static PluginProvider of(Extensions extensions, Extensions.Owned<Provider> o) {
        return withLoader(o, () -> new PluginProvider(extensions, o));
    }

    private static <T> T withLoader(Extensions.Owned<?> o, Callable<T> body) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(o.owner().classLoader());
        try {
            return body.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // the bodies here throw no checked exception
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<TaskType> taskTypes() {
        return taskTypes;
    }

    @Override
    public Set<String> capabilities() {
        return capabilities;
    }

    @Override
    public ProviderLimits limits() {
        return limits;
    }

    @Override
    public CostModel costModel() {
        return costModel;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public ProbeResult probe() {
        Extensions.Owned<Provider> o = extensions.provider(id).orElse(null);
        if (o == null) {
            return ProbeResult.down(withdrawn());
        }
        try {
            ProbeResult r = withLoader(o, () -> o.extension().probe());
            return r != null ? r : ProbeResult.down("the probe of provider '" + id + "' answered nothing");
        } catch (RuntimeException e) {
            return ProbeResult.down("the probe of provider '" + id + "' failed: " + e);
        }
    }

    @Override
    public ProviderResult execute(ProviderRequest request) {
        Extensions.Owned<Provider> o = extensions.provider(id).orElse(null);
        if (o == null) {
            return ProviderResult.Failure.of(FailureKind.UNAVAILABLE, withdrawn(), Duration.ZERO);
        }
        return withLoader(o, () -> o.extension().execute(request));
    }

    private String withdrawn() {
        return "no started plugin provides provider '" + id + "'";
    }

    @Override
    public String toString() {
        return "plugin provider '" + id + "'";
    }
}
