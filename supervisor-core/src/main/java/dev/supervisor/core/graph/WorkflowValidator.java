package dev.supervisor.core.graph;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Checks a workflow and reports every problem at once: empty workflow, duplicate ids, unknown dependencies
 * (naming both tasks), self-dependencies and cycles (with the actual path) as errors; duplicate dependency
 * declarations (merged), disconnected groups and task types without a handler as warnings. The same input always
 * gives the same report, word for word. All algorithms are iterative, so a million-task chain is fine.
 */
public interface WorkflowValidator {

    /**
     * @param workflow the workflow
     * @return the report
     */
    ValidationReport validate(WorkflowSpec workflow);

    /**
     * @return a validator that does not check handlers
     */
    static WorkflowValidator structural() {
        return of(t -> true);
    }

    /**
     * @param hasHandler tells whether a task type has a registered handler (missing ones become warnings)
     * @return a validator
     */
    static WorkflowValidator of(Predicate<TaskType> hasHandler) {
        return new DefaultWorkflowValidator(Objects.requireNonNull(hasHandler, "hasHandler"));
    }
}
