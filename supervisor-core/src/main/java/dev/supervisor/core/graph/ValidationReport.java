package dev.supervisor.core.graph;

import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.WorkflowValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every problem found in a workflow, errors and warnings, in a deterministic order: errors about ids (repeated, then
 * reserved for fan-out instances) and dependencies in task order, then cycles (ordered by their first task), then
 * missing handlers (by first use), then warnings. When the ids and dependencies are sound the report also carries
 * the {@link TaskGraph} built while checking, so callers do not index the workflow twice.
 */
public final class ValidationReport {
    private final String workflowId;
    private final List<ValidationProblem> problems;
    private final TaskGraph graph;

    /** Made by the validator: {@code problems} is copied; {@code graph} is null unless ids and dependencies hold. */
    ValidationReport(String workflowId, List<ValidationProblem> problems, TaskGraph graph) {
        this.workflowId = Objects.requireNonNull(workflowId, "workflowId");
        this.problems = List.copyOf(problems);
        this.graph = graph;
    }

    /** @return the workflow id */
    public String workflowId() {
        return workflowId;
    }

    /** @return all problems */
    public List<ValidationProblem> problems() {
        return problems;
    }

    /** @return the graph, present when ids are unique and every dependency exists (it may still have a cycle) */
    public Optional<TaskGraph> graph() {
        return Optional.ofNullable(graph);
    }

    /** @return the errors */
    public List<ValidationProblem> errors() {
        return problems.stream().filter(ValidationProblem::isError).toList();
    }

    /** @return the warnings */
    public List<ValidationProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** @return true if there is no error */
    public boolean isValid() {
        return problems.stream().noneMatch(ValidationProblem::isError);
    }

    /**
     * @return this report, if valid
     * @throws WorkflowValidationException carrying every problem, if there is an error
     */
    public ValidationReport throwIfInvalid() {
        if (!isValid()) {
            throw new WorkflowValidationException(workflowId, problems);
        }
        return this;
    }

    @Override
    public String toString() {
        return "ValidationReport{workflow=" + workflowId + ", problems=" + problems + "}";
    }
}
