package dev.supervisor.core.internal.engine;

import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.spi.TaskHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges explicitly registered handlers with ServiceLoader-discovered ones. Explicit registrations win; two
 * discovered handlers for one type are an error (which one would run is otherwise an accident of the classpath).
 */
final class HandlerResolver {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerResolver.class);

    private HandlerResolver() {
    }

    static Map<TaskType, TaskHandler> resolve(Map<TaskType, TaskHandler> explicit, boolean discover) {
        Map<TaskType, TaskHandler> out = new HashMap<>(explicit);
        if (!discover) {
            return out;
        }
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        Map<TaskType, String> discoveredBy = new HashMap<>();
        for (ServiceLoader.Provider<TaskHandler> p : ServiceLoader.load(TaskHandler.class, cl).stream().toList()) {
            TaskHandler h;
            try {
                h = p.get();
            } catch (ServiceConfigurationError e) {
                LOG.warn("skipping task handler provider {}: {}", p.type().getName(), e.getMessage());
                continue;
            }
            for (TaskType t : h.types()) {
                if (explicit.containsKey(t)) {
                    continue;
                }
                String previous = discoveredBy.putIfAbsent(t, h.getClass().getName());
                if (previous != null) {
                    throw new SupervisorException("two discovered handlers serve task type " + t + ": " + previous
                            + " and " + h.getClass().getName());
                }
                out.put(t, h);
            }
        }
        return out;
    }
}
