package dev.supervisor.api;

import java.util.Objects;

/**
 * A dependency edge: the task that declares it runs after {@code taskId}.
 *
 * @param taskId the upstream task id
 * @param condition when the edge counts as satisfied
 */
public record Dependency(String taskId, EdgeCondition condition) {
    /**
     * @throws NullPointerException if an argument is null
     */
    public Dependency {
        Objects.requireNonNull(taskId, "dependency taskId");
        Objects.requireNonNull(condition, "dependency condition");
    }

    /**
     * @param taskId the upstream task id
     * @return a dependency satisfied when the upstream succeeds
     */
    public static Dependency on(String taskId) {
        return new Dependency(taskId, EdgeCondition.onSuccess());
    }
}
