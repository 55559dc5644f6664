package dev.supervisor.core.graph;

import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.WorkflowValidationException;
import java.util.List;

/**
 * Every problem found in a workflow, errors and warnings, in a deterministic order: errors in task order, then
 * cycles (ordered by their first task), then warnings.
 *
 * @param workflowId the workflow
 * @param problems all problems
 */
public record ValidationReport(String workflowId, List<ValidationProblem> problems) {

    /**
     * @param workflowId the workflow
     * @param problems all problems (copied)
     */
    public ValidationReport {
        problems = List.copyOf(problems);
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
}
