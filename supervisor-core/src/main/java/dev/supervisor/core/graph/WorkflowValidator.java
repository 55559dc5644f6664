package dev.supervisor.core.graph;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a workflow and reports every problem at once, each message saying what to change. The same input always
 * gives the same report, word for word. All algorithms are iterative, so a million-task chain is fine.
 *
 * <p>Who checks what. The builders in {@code supervisor-api} fail fast on what they can see, so a
 * {@link WorkflowSpec} never has an empty task list, a repeated task id or a task depending on itself. The
 * validator reports what needs the whole workflow:
 * <ul>
 * <li>errors: a dependency on an id that is not in the workflow (suggesting the closest id: "did you mean
 *     'extract'?"), a cycle (with its path), a task id reserved for an instance of a fan-out task, and — for a
 *     validator that knows the handlers ({@link #of(Collection)}, {@link #of(Predicate)}) — a task type without a
 *     handler (suggesting the closest registered type);</li>
 * <li>warnings: a dependency declared twice (merged), a workflow that falls apart into independent groups, and a
 *     workflow that fails fast although some of its tasks are meant to run after a failure
 *     ({@link dev.supervisor.core.ValidationProblem.Kind#SKIPPED_BY_FAIL_FAST}).</li>
 * </ul>
 * {@link #validate(String, FailureStrategy, List)} checks tasks that are not yet a {@code WorkflowSpec} — read from
 * a document, say — and then also reports an empty list and repeated ids, so that a reader can report everything
 * wrong with a document at once where the builder would stop at the first problem.
 *
 * <p>Sealed: validators are made by the factories here (a report can only be made by them), not implemented.
 */
public sealed interface WorkflowValidator permits DefaultWorkflowValidator {

    /**
     * @param workflow the workflow
     * @return the report
     */
    default ValidationReport validate(WorkflowSpec workflow) {
        return validate(workflow.id(), workflow.failureStrategy(), workflow.tasks());
    }

    /**
     * Checks the tasks of a workflow that has not been built.
     *
     * @param workflowId the workflow id, for messages
     * @param failureStrategy the workflow's failure strategy
     * @param tasks the tasks, in declaration order
     * @return the report; besides the problems listed above, an empty list and repeated ids are errors
     */
    ValidationReport validate(String workflowId, FailureStrategy failureStrategy, List<TaskSpec> tasks);

    /**
     * @return a validator that does not check handlers
     */
    static WorkflowValidator structural() {
        return new DefaultWorkflowValidator(t -> true, List.of());
    }

    /**
     * @param handledTypes the task types that have a handler; a task of any other type is an error, with the
     *                     closest of these types suggested
     * @return a validator
     */
    static WorkflowValidator of(Collection<TaskType> handledTypes) {
        Set<TaskType> types = Set.copyOf(handledTypes);
        return new DefaultWorkflowValidator(types::contains, types.stream()
                .sorted(Comparator.comparing(TaskType::name)).toList());
    }

    /**
     * @param hasHandler tells whether a task type has a registered handler; a task of a type without one is an
     *                   error (with no suggestion: prefer {@link #of(Collection)} when the types are known)
     * @return a validator
     */
    static WorkflowValidator of(Predicate<TaskType> hasHandler) {
        return new DefaultWorkflowValidator(Objects.requireNonNull(hasHandler, "hasHandler"), List.of());
    }
}
