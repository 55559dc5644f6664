package dev.supervisor.core.graph.internal;

import dev.supervisor.core.ValidationProblem;
import java.util.List;
import java.util.Objects;

/**
 * A problem the validator or the engine's submit checks found.
 *
 * @param kind what is wrong
 * @param taskIds the tasks involved
 * @param message the description
 */
public record Finding(Kind kind, List<String> taskIds, String message) implements ValidationProblem {
    /** Copies the ids; no component may be null. */
    public Finding {
        Objects.requireNonNull(kind, "kind");
        taskIds = List.copyOf(taskIds);
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
