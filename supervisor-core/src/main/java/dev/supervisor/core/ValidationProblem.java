package dev.supervisor.core;

import java.util.List;
import java.util.Objects;

/**
 * One problem found in a workflow.
 *
 * @param kind what is wrong
 * @param taskIds the tasks involved (for a cycle: the path, first task repeated at the end)
 * @param message a deterministic, human-readable description naming the tasks
 */
public record ValidationProblem(Kind kind, List<String> taskIds, String message) {

    /** Kinds of problems; {@link #isError()} tells errors from warnings. */
    public enum Kind {
        /** The workflow has no tasks. */
        EMPTY_WORKFLOW(true),
        /** Two tasks share an id. */
        DUPLICATE_ID(true),
        /** A task depends on an id that is not in the workflow. */
        UNKNOWN_DEPENDENCY(true),
        /** A task depends on itself. */
        SELF_DEPENDENCY(true),
        /** The dependencies form a cycle. */
        CYCLE(true),
        /** The same dependency is declared twice; merged (warning). */
        DUPLICATE_EDGE(false),
        /** The workflow falls apart into independent groups (warning). */
        DISCONNECTED(false),
        /** No handler is registered for a task type (warning at validation, error at submit). */
        NO_HANDLER(false),
        /** The workflow uses a feature this engine cannot execute. */
        UNSUPPORTED_FEATURE(true),
        /** A condition or edge expression does not compile. */
        INVALID_EXPRESSION(true);

        private final boolean error;

        Kind(boolean error) {
            this.error = error;
        }

        /** @return true if the workflow cannot run with this problem */
        public boolean isError() {
            return error;
        }
    }

    /**
     * @throws NullPointerException if an argument is null
     */
    public ValidationProblem {
        Objects.requireNonNull(kind, "kind");
        taskIds = List.copyOf(taskIds);
        Objects.requireNonNull(message, "message");
    }

    /** @return true if this problem is an error, false for a warning */
    public boolean isError() {
        return kind.isError();
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
