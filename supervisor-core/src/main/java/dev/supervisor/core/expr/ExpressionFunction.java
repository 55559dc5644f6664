package dev.supervisor.core.expr;

import java.util.List;

/**
 * A host function callable from expressions as {@code name(args...)}. It receives evaluated arguments and must
 * return a value of the language's types; it must not block, and its own work is not metered. An
 * {@link IllegalArgumentException} is reported with its message; any other exception as {@code name() failed}
 * with the exception as the cause, so host internals stay out of messages.
 */
@FunctionalInterface
public interface ExpressionFunction {
    /**
     * @param args evaluated arguments
     * @return the result
     * @throws IllegalArgumentException to report bad arguments (shown at the call's position)
     */
    Object apply(List<Object> args);
}
