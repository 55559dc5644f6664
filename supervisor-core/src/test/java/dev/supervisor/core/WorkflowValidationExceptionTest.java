package dev.supervisor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.core.graph.internal.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowValidationExceptionTest {
    private static ValidationProblem problem(ValidationProblem.Kind kind, String message) {
        return new Finding(kind, List.of("a"), message);
    }

    @Test
    void message_missingHandlerAlone_isCountedAsAnError() {
        WorkflowValidationException e = new WorkflowValidationException("etl", List.of(problem(
                ValidationProblem.Kind.NO_HANDLER, "no handler is registered for task type 'x'")));
        assertThat(e.getMessage()).isEqualTo("workflow 'etl' has 1 error:\n  errors:\n    - NO_HANDLER: no handler is"
                + " registered for task type 'x'");
    }

    @Test
    void message_errorsAndWarnings_areCountedAndListedSeparately() {
        WorkflowValidationException e = new WorkflowValidationException("etl", List.of(
                problem(ValidationProblem.Kind.CYCLE, "c"), problem(ValidationProblem.Kind.UNKNOWN_DEPENDENCY, "u"),
                problem(ValidationProblem.Kind.DISCONNECTED, "d")));
        assertThat(e.getMessage()).isEqualTo("workflow 'etl' has 2 errors and 1 warning:\n  errors:\n    - CYCLE: c\n"
                + "    - UNKNOWN_DEPENDENCY: u\n  warnings:\n    - DISCONNECTED: d");
        assertThat(e.errors()).hasSize(2);
        assertThat(e.warnings()).extracting(ValidationProblem::kind).containsExactly(
                ValidationProblem.Kind.DISCONNECTED);
    }

    @Test
    void message_manyProblems_listsFiftyPerSection() {
        List<ValidationProblem> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(problem(ValidationProblem.Kind.UNKNOWN_DEPENDENCY, "u" + i));
        }
        String message = new WorkflowValidationException("big", many).getMessage();
        assertThat(message).startsWith("workflow 'big' has 120 errors:").contains("- UNKNOWN_DEPENDENCY: u49\n")
                .doesNotContain("u50").endsWith("    - … and 70 more (see problems())");
    }

    @Test
    void constructor_warningsOnly_isRefused() {
        assertThatThrownBy(() -> new WorkflowValidationException("etl", List.of(problem(
                ValidationProblem.Kind.DISCONNECTED, "d")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a WorkflowValidationException needs at least one error, but workflow 'etl' has only 1"
                        + " warning");
    }
}
