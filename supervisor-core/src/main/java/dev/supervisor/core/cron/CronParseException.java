package dev.supervisor.core.cron;

import dev.supervisor.api.SupervisorException;

/**
 * A cron expression was rejected. Names the field, the 0-based character position in the expression text and
 * the reason, e.g. {@code day-of-month at position 6: 32 is above the maximum 31 in "0 0 12 32 * ?"}.
 */
public class CronParseException extends SupervisorException {
    private static final long serialVersionUID = 1L;

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
        super(field + " at position " + position + ": " + reason + " in \"" + expression + "\"");
        this.expression = expression;
        this.field = field;
        this.position = position;
        this.reason = reason;
    }

    /** @return the rejected text */
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

    /** @return the reason without position */
    public String reason() {
        return reason;
    }
}
