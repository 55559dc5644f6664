package dev.supervisor.auth.validation;

/**
 * Input was refused. The message names the field and the rule, never echoing more than a short prefix of the
 * input (it may be hostile).
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the input's name
     * @param rule what it broke
     */
    public InvalidInputException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    /** @return the input's name */
    public String field() {
        return field;
    }
}
