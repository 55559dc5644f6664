package dev.supervisor.api.spi;

import dev.supervisor.api.TaskType;
import java.util.Set;

/**
 * Executes tasks of one or more types. Register handlers on the supervisor's config, or list implementations in
 * {@code META-INF/services/dev.supervisor.api.spi.TaskHandler} for {@link java.util.ServiceLoader} discovery
 * (they then need a public no-argument constructor).
 *
 * <p>Handlers must be thread-safe: attempts of many tasks call the same instance concurrently. A handler should
 * check {@link TaskContext#isCancelled()} in long loops; after the grace period its thread is interrupted.
 */
@FunctionalInterface
public interface TaskHandler {
    /**
     * Runs one attempt of a task.
     *
     * @param context the task, its inputs, upstream outputs and cancellation signal
     * @return the task's output: JSON-compatible (null, Boolean, Number, String, List, Map) or null
     * @throws Exception any failure; the retry policy decides whether another attempt follows
     */
    Object execute(TaskContext context) throws Exception;

    /**
     * The types this handler serves when discovered through {@link java.util.ServiceLoader}. Handlers registered
     * explicitly for a type do not need to override it.
     *
     * @return the task types served
     */
    default Set<TaskType> types() {
        return Set.of();
    }
}
