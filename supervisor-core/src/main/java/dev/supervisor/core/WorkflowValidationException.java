package dev.supervisor.core;

import dev.supervisor.api.SupervisorException;
import java.util.List;

/**
 * A workflow has errors. Carries every problem found, errors and warnings, in a deterministic order; the message
 * counts both and lists them under "errors" and "warnings".
 */
public class WorkflowValidationException extends SupervisorException {
    private static final long serialVersionUID = 1L;
    /** Problems listed in the message per section; {@link #problems()} has them all. */
    private static final int LISTED = 50;

    private final String workflowId;
    private final transient List<ValidationProblem> problems;

    /**
     * @param workflowId the workflow
     * @param problems every problem found, at least one of them an error
     * @throws IllegalArgumentException if no problem is an error
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

    /** @return the warnings only */
    public List<ValidationProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    private static String format(String workflowId, List<ValidationProblem> problems) {
        List<ValidationProblem> errors = problems.stream().filter(ValidationProblem::isError).toList();
        List<ValidationProblem> warnings = problems.stream().filter(p -> !p.isError()).toList();
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a WorkflowValidationException needs at least one error, but "
                    + "workflow '" + workflowId + "' has only " + count(warnings.size(), "warning"));
        }
        StringBuilder sb = new StringBuilder("workflow '").append(workflowId).append("' has ")
                .append(count(errors.size(), "error"));
        if (!warnings.isEmpty()) {
            sb.append(" and ").append(count(warnings.size(), "warning"));
        }
        sb.append(':');
        section(sb, "errors", errors);
        section(sb, "warnings", warnings);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, List<ValidationProblem> list) {
        if (list.isEmpty()) {
            return;
        }
        sb.append("\n  ").append(title).append(':');
        for (int i = 0; i < Math.min(LISTED, list.size()); i++) {
            sb.append("\n    - ").append(list.get(i));
        }
        if (list.size() > LISTED) {
            sb.append("\n    - … and ").append(list.size() - LISTED).append(" more (see problems())");
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
