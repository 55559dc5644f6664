package dev.supervisor.core;

import dev.supervisor.api.SupervisorException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A workflow has errors. Carries every problem found, errors and warnings, in a deterministic order.
 */
public class WorkflowValidationException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    private final String workflowId;
    private final transient List<ValidationProblem> problems;

    /**
     * @param workflowId the workflow
     * @param problems every problem found (at least one error)
     */
    public WorkflowValidationException(String workflowId, List<ValidationProblem> problems) {
        super(format(workflowId, problems));
        this.workflowId = workflowId;
        this.problems = List.copyOf(problems);
    }

    /** @return the workflow id */
    public String workflowId() {
        return workflowId;
    }

    /** @return every problem, errors first in the order found, then warnings */
    public List<ValidationProblem> problems() {
        return problems;
    }

    /** @return the errors only */
    public List<ValidationProblem> errors() {
        return problems.stream().filter(ValidationProblem::isError).toList();
    }

    private static String format(String workflowId, List<ValidationProblem> problems) {
        long errors = problems.stream().filter(ValidationProblem::isError).count();
        return "workflow '" + workflowId + "' has " + errors + (errors == 1 ? " error" : " errors") + ":\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}
