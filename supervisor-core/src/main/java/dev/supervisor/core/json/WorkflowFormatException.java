package dev.supervisor.core.json;

import dev.supervisor.api.SupervisorException;

/**
 * A workflow document is malformed. The message names the field (as a JSON pointer) and where it is.
 */
public class WorkflowFormatException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    private final String pointer;
    private final int line;
    private final int column;

    /**
     * @param pointer the JSON pointer of the offending field ("" for the document)
     * @param line 1-based line, or -1 if unknown
     * @param column 1-based column, or -1 if unknown
     * @param reason what is wrong
     * @param cause the underlying failure, or null
     */
    public WorkflowFormatException(String pointer, int line, int column, String reason, Throwable cause) {
        super((pointer.isEmpty() ? "document" : pointer) + (line > 0 ? " (line " + line + ", column " + column + ")"
                : "") + ": " + reason, cause);
        this.pointer = pointer;
        this.line = line;
        this.column = column;
    }

    /** @return the JSON pointer of the offending field */
    public String pointer() {
        return pointer;
    }

    /** @return 1-based line, or -1 */
    public int line() {
        return line;
    }

    /** @return 1-based column, or -1 */
    public int column() {
        return column;
    }
}
