package dev.supervisor.core.expr;

import dev.supervisor.api.SupervisorException;

/**
 * An expression could not be compiled or evaluated. The message ends with the position and a caret under it:
 * <pre>
 * unknown variable 'foo' at 1:5
 *   a + foo
 *       ^
 * </pre>
 * Every part of the message is safe to log: control, format (bidi) and line-separator characters from the source,
 * from run-time data or from a host function are shown as <code>&#92;uXXXX</code> in the reason and as {@code ?} in the
 * source line, the reason is cut at {@value #MAX_REASON_LENGTH} characters and the source line at 80, and a cut
 * never splits a surrogate pair.
 */
public class ExpressionException extends SupervisorException {
    /** Longest reason kept; longer ones end with an ellipsis. */
    public static final int MAX_REASON_LENGTH = 240;
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final int column;

    /**
     * @param reason what is wrong (cleaned and shortened as described above)
     * @param source the expression source
     * @param offset the character offset the error refers to
     */
    public ExpressionException(String reason, String source, int offset) {
        this(reason, source, offset, null);
    }

    /**
     * @param reason what is wrong (cleaned and shortened as described above)
     * @param source the expression source
     * @param offset the character offset the error refers to
     * @param cause the underlying failure, for example a host function's exception
     */
    public ExpressionException(String reason, String source, int offset, Throwable cause) {
        super(format(cleanReason(reason), source, offset), cause);
        this.reason = cleanReason(reason);
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

    private static boolean unsafe(int c) {
        int t = Character.getType(c);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR
                || t == Character.PARAGRAPH_SEPARATOR || t == Character.SURROGATE || t == Character.PRIVATE_USE
                || t == Character.UNASSIGNED;
    }

    private static String cleanReason(String reason) {
        String r = reason == null ? "" : reason;
        StringBuilder sb = new StringBuilder(Math.min(r.length(), MAX_REASON_LENGTH + 8));
        for (int i = 0; i < r.length();) {
            int c = r.codePointAt(i);
            int n = Character.charCount(c);
            String piece = unsafe(c) ? String.format("\\u%04X", (int) r.charAt(i)) : r.substring(i, i + n);
            if (unsafe(c)) {
                n = 1; // a lone surrogate is one unit; a private-use or unassigned pair is shown unit by unit
            }
            if (sb.length() + piece.length() > MAX_REASON_LENGTH) {
                return sb.append('\u2026').toString();
            }
            sb.append(piece);
            i += n;
        }
        return sb.toString();
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
        // Look no further than the excerpt needs: a source may be megabytes on one line.
        int lineStart = start;
        while (lineStart > 0 && start - lineStart < 80 && source.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int lineEnd = start;
        while (lineEnd < source.length() && lineEnd - lineStart < 160 && source.charAt(lineEnd) != '\n') {
            lineEnd++;
        }
        int caret = start - lineStart;
        // Long lines are cut around the caret so a message never carries a megabyte of source.
        int from = lineStart;
        int to = lineEnd;
        if (lineEnd - lineStart > 80) {
            from = lineStart + Math.max(0, Math.min(caret - 40, lineEnd - lineStart - 80));
            to = Math.min(lineEnd, from + 80);
        }
        boolean cut = from > 0 && source.charAt(from - 1) != '\n';
        StringBuilder sb = new StringBuilder(reason).append(" at ").append(lc[0]).append(':').append(lc[1])
                .append("\n  ");
        if (cut) {
            sb.append('\u2026');
        }
        // One output character per source character keeps the caret aligned; cuts never leave half a pair.
        for (int i = from; i < to; i++) {
            char c = source.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(source.charAt(i + 1));
            if (pair && !unsafe(source.codePointAt(i))) {
                sb.append(c).append(source.charAt(++i));
            } else {
                sb.append(c == '\t' || unsafe(c) ? (c == '\t' ? ' ' : '?') : c);
                if (pair) {
                    sb.append('?');
                    i++;
                }
            }
        }
        sb.append("\n  ").append(" ".repeat(Math.max(0, start - from + (cut ? 1 : 0)))).append('^');
        return sb.toString();
    }
}
