package dev.supervisor.core.cron;

import dev.supervisor.api.SupervisorException;

/**
 * A cron expression was rejected. Names the field, the 0-based character position in the expression text and
 * the reason, e.g. {@code day-of-month at position 7: 32 is out of range: day-of-month takes 1-31 in
 * "0 0 12 32 * ?"}.
 *
 * <p>The message is safe to log as it is: it quotes at most {@value #EXCERPT} characters of the expression
 * (around the position, marked with {@code ...} where cut) and escapes everything outside printable ASCII, so
 * that a newline in user input cannot start a forged log line and a huge input cannot make a huge message.
 * {@link #expression()} still returns the text unchanged.
 */
public class CronParseException extends SupervisorException {
    private static final long serialVersionUID = 1L;
    /** The most characters of the expression quoted in the message. */
    public static final int EXCERPT = 100;
    private static final int MAX_REASON = 300;

    private final String expression;
    private final String field;
    private final int position;
    private final String reason;

    /**
     * @param expression the whole expression text
     * @param field the field name ({@code second}, {@code minute}, …) or {@code expression} for whole-text problems
     * @param position 0-based character offset in {@code expression}
     * @param reason what is wrong
     */
    public CronParseException(String expression, String field, int position, String reason) {
        super(escape(field, 40) + " at position " + position + ": " + escape(reason, MAX_REASON) + " in \""
                + excerpt(expression, position) + "\"");
        this.expression = expression;
        this.field = field;
        this.position = position;
        this.reason = escape(reason, MAX_REASON);
    }

    /** @return the rejected text, unchanged (not escaped, not shortened) */
    public String expression() {
        return expression;
    }

    /** @return the field at fault, or {@code expression} */
    public String field() {
        return field;
    }

    /** @return 0-based character offset of the problem */
    public int position() {
        return position;
    }

    /** @return the reason without position, escaped like the message */
    public String reason() {
        return reason;
    }

    private static String excerpt(String text, int position) {
        if (text == null) {
            return "null";
        }
        if (text.length() <= EXCERPT) {
            return escape(text, EXCERPT);
        }
        int from = Math.max(0, Math.min(position - EXCERPT / 2, text.length() - EXCERPT));
        int to = Math.min(text.length(), from + EXCERPT);
        return (from > 0 ? "..." : "") + escape(text.substring(from, to), EXCERPT) + (to < text.length() ? "..." : "");
    }

    /** Printable ASCII stays; quotes and backslashes, control and non-ASCII characters become Java escapes. */
    private static String escape(String s, int max) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length() && i < max; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < ' ' || c > '~') {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return s.length() > max ? b.append("...").toString() : b.toString();
    }
}
