package dev.supervisor.core.expr;

import dev.supervisor.api.SupervisorException;

/**
 * An expression could not be compiled or evaluated. The message ends with the position and a caret under it:
 * <pre>
 * unknown variable 'foo' at 1:5
 *   a + foo
 *       ^
 * </pre>
 */
public class ExpressionException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final int column;

    /**
     * @param reason what is wrong
     * @param source the expression source
     * @param offset the character offset the error refers to
     */
    public ExpressionException(String reason, String source, int offset) {
        super(format(reason, source, offset));
        this.reason = reason;
        int[] lc = lineColumn(source, offset);
        this.line = lc[0];
        this.column = lc[1];
    }

    /** @return the reason without position */
    public String reason() {
        return reason;
    }

    /** @return 1-based line */
    public int line() {
        return line;
    }

    /** @return 1-based column */
    public int column() {
        return column;
    }

    private static int[] lineColumn(String source, int offset) {
        int line = 1;
        int col = 1;
        int end = Math.max(0, Math.min(offset, source.length()));
        for (int i = 0; i < end; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }

    private static String format(String reason, String source, int offset) {
        int[] lc = lineColumn(source, offset);
        int start = Math.max(0, Math.min(offset, source.length()));
        int lineStart = source.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = source.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = source.length();
        }
        String text = source.substring(lineStart, lineEnd);
        int caret = start - lineStart;
        // Long lines are cut around the caret so a message never carries a megabyte of source.
        if (text.length() > 80) {
            int from = Math.max(0, Math.min(caret - 40, text.length() - 80));
            text = (from > 0 ? "…" : "") + text.substring(from, Math.min(text.length(), from + 80));
            caret = caret - from + (from > 0 ? 1 : 0);
        }
        StringBuilder sb = new StringBuilder(reason).append(" at ").append(lc[0]).append(':').append(lc[1])
                .append("\n  ");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c < ' ' ? ' ' : c);
        }
        sb.append("\n  ").append(" ".repeat(Math.max(0, caret))).append('^');
        return sb.toString();
    }
}
