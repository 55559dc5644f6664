package dev.supervisor.core.json;

import dev.supervisor.api.SupervisorException;
import java.util.List;
import java.util.Objects;

/**
 * A workflow document is malformed. Carries every problem found in it, each naming the field (as a JSON pointer)
 * and, when known, its line and column; {@link #pointer()}, {@link #line()} and {@link #column()} describe the
 * first.
 */
public class WorkflowFormatException extends SupervisorException {
    private static final long serialVersionUID = 1L;
    /** Problems listed in the message; {@link #problems()} has them all. */
    private static final int LISTED = 50;

    private final transient List<Problem> problems;

    /**
     * One problem of a document.
     *
     * @param pointer the JSON pointer of the offending field ("" for the document)
     * @param line 1-based line, or -1 if unknown
     * @param column 1-based column, or -1 if unknown
     * @param reason what is wrong and, where it can be told, what to write instead
     */
    public record Problem(String pointer, int line, int column, String reason) {
        /**
         * @throws NullPointerException if the pointer or the reason is null
         */
        public Problem {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return (pointer.isEmpty() ? "document" : pointer) + (line > 0 ? " (line " + line + ", column " + column
                    + ")" : "") + ": " + reason;
        }
    }

    /**
     * @param pointer the JSON pointer of the offending field ("" for the document)
     * @param line 1-based line, or -1 if unknown
     * @param column 1-based column, or -1 if unknown
     * @param reason what is wrong
     * @param cause the underlying failure, or null
     */
    public WorkflowFormatException(String pointer, int line, int column, String reason, Throwable cause) {
        this(List.of(new Problem(pointer, line, column, reason)), cause);
    }

    /**
     * @param problems every problem found, at least one, in document order
     * @param cause the failure behind the first problem that has one, or null
     * @throws IllegalArgumentException if there is no problem
     */
    public WorkflowFormatException(List<Problem> problems, Throwable cause) {
        super(format(problems), cause);
        this.problems = List.copyOf(problems);
    }

    private static String format(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a WorkflowFormatException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder sb = new StringBuilder("workflow document has ").append(problems.size()).append(" problems:");
        for (int i = 0; i < Math.min(LISTED, problems.size()); i++) {
            sb.append("\n  - ").append(problems.get(i));
        }
        if (problems.size() > LISTED) {
            sb.append("\n  - … and ").append(problems.size() - LISTED).append(" more (see problems())");
        }
        return sb.toString();
    }

    /** @return every problem, in document order */
    public List<Problem> problems() {
        return problems;
    }

    /** @return the JSON pointer of the first offending field */
    public String pointer() {
        return problems.get(0).pointer();
    }

    /** @return 1-based line of the first problem, or -1 */
    public int line() {
        return problems.get(0).line();
    }

    /** @return 1-based column of the first problem, or -1 */
    public int column() {
        return problems.get(0).column();
    }
}
