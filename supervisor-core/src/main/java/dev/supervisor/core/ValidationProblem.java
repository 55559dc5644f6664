package dev.supervisor.core;

import java.util.List;

/** One problem found in a workflow; its {@code toString()} is {@code KIND: message}. */
public interface ValidationProblem {

    /**
     * Kinds of problems; {@link #isError()} tells errors (the workflow cannot run) from warnings (it runs, but
     * probably not as meant). Each message says what to change.
     */
    enum Kind {
        /**
         * No tasks. Reported for a task list checked before it is a workflow
         * ({@code WorkflowValidator.validate(String, FailureStrategy, List)}, as {@code WorkflowJson.read} does); a
         * {@code WorkflowSpec} cannot be empty, its builder refuses it.
         */
        EMPTY_WORKFLOW(true),
        /**
         * Two tasks share an id (possible only in a task list checked before it is a workflow: the
         * {@code WorkflowSpec} builder refuses it), or a task takes an id reserved for an instance of a fan-out task
         * ({@code x[3]} while {@code x} fans out to more than 3 instances).
         */
        DUPLICATE_ID(true),
        /** A task depends on an id that is not in the workflow; the message suggests the closest id, if any. */
        UNKNOWN_DEPENDENCY(true),
        /** The dependencies form a cycle; the task ids are its path. */
        CYCLE(true),
        /** The same dependency is declared twice; merged (warning). */
        DUPLICATE_EDGE(false),
        /** The workflow falls apart into independent groups (warning). */
        DISCONNECTED(false),
        /**
         * No handler is registered for a task type, so its tasks could never run: an error wherever handlers are
         * known (a validator made with {@code WorkflowValidator.of}, and at submit). The message names the first
         * task of that type and suggests the closest registered type, if any.
         */
        NO_HANDLER(true),
        /** The workflow uses a feature this engine cannot execute (reported at submit). */
        UNSUPPORTED_FEATURE(true),
        /** A condition, edge or fan-out expression does not compile (reported at submit). */
        INVALID_EXPRESSION(true),
        /**
         * The workflow fails fast, yet has tasks meant to run after a failure — trigger rules {@code ALL_DONE},
         * {@code ALL_DONE_MIN_ONE_SUCCESS}, {@code ONE_FAILED}, {@code ALL_FAILED}, or a FAILURE or COMPLETION
         * edge — that {@code FAIL_FAST} skips when something fails (warning). The task ids are those tasks; the fix
         * is the {@code CONTINUE} strategy, or marking them teardown tasks ({@code TaskSpec.Builder.teardown}).
         */
        SKIPPED_BY_FAIL_FAST(false);

        private final boolean error;

        Kind(boolean error) {
            this.error = error;
        }

        /** @return true if the workflow cannot run with this problem */
        public boolean isError() {
            return error;
        }
    }

    /** @return what is wrong */
    Kind kind();

    /** @return the tasks involved (for a cycle: the path, first task repeated at the end) */
    List<String> taskIds();

    /** @return a deterministic, human-readable description naming the tasks */
    String message();

    /** @return true if this problem is an error, false for a warning */
    default boolean isError() {
        return kind().isError();
    }
}
