package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.JsonValues;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.plugin.DataSource;
import dev.supervisor.api.plugin.Integration;
import dev.supervisor.api.plugin.WebhookRequest;
import dev.supervisor.api.plugin.WebhookResponse;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.plugin.PluginException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;

/** The host's side of named extensions: looked up at each call, so they follow plugins starting and stopping. */
final class ExtensionCalls {
    private ExtensionCalls() {
    }

    static TaskHandler taskHandler(Extensions extensions, TaskType type) {
        return new TaskHandler() {
            @Override
            public Object execute(TaskContext context) throws Exception {
                Extensions.Owned<TaskHandler> o = extensions.taskHandler(type).orElseThrow(() ->
                        new IllegalStateException("no started plugin handles task type " + type));
                Thread t = Thread.currentThread();
                ClassLoader before = t.getContextClassLoader();
                t.setContextClassLoader(o.owner().classLoader());
                try {
                    return o.extension().execute(context);
                } finally {
                    t.setContextClassLoader(before);
                }
            }

            @Override
            public Set<TaskType> types() {
                return Set.of(type);
            }
        };
    }

    static Optional<DataSource> dataSource(Extensions extensions, String name) {
        return extensions.dataSource(name).map(o -> new DataSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Object read(Map<String, Object> query) {
                Map<String, Object> q = JsonValues.copyObject("query of data source '" + name + "'", query);
                return call(o, "read of data source '" + name + "'",
                        () -> JsonValues.copy("answer of data source '" + name + "'", o.extension().read(q)));
            }
        });
    }

    static WebhookResponse webhook(Extensions extensions, String name, WebhookRequest request) {
        Optional<Extensions.Owned<Integration>> found = extensions.integration(name);
        if (found.isEmpty()) {
            return new WebhookResponse(404, "text/plain; charset=utf-8", "no integration named " + name);
        }
        try {
            WebhookResponse r = call(found.get(), "webhook '" + name + "'", () -> found.get().extension()
                    .receive(request));
            return r != null ? r : new WebhookResponse(204, "text/plain; charset=utf-8", "");
        } catch (PluginException e) {
            return new WebhookResponse(500, "text/plain; charset=utf-8", "integration " + name + " failed");
        }
    }

    private static <T> T call(Extensions.Owned<?> o, String what, java.util.concurrent.Callable<T> body) {
        Bulkhead b = o.owner().bulkhead();
        if (b == null) {
            throw new PluginException(o.pluginId(), "plugin '" + o.pluginId() + "' has stopped", null);
        }
        try {
            return b.call(what, body, true).join();
        } catch (CompletionException e) {
            throw new PluginException(o.pluginId(), "plugin '" + o.pluginId() + "' failed in " + what + ": "
                    + e.getCause(), e.getCause());
        }
    }
}
