package dev.supervisor.api;

import java.util.Objects;

/**
 * When a dependency edge counts as satisfied, judged on the upstream task's result.
 *
 * @param kind SUCCESS, FAILURE, COMPLETION or CUSTOM
 * @param expression the expression over the upstream result, only for CUSTOM
 */
public record EdgeCondition(Kind kind, String expression) {
    /** The kinds of edge condition. */
    public enum Kind {
        /** The upstream succeeded (the default). */
        SUCCESS,
        /** The upstream failed. */
        FAILURE,
        /** The upstream ended, whatever the result. */
        COMPLETION,
        /** An expression over the upstream result is true. */
        CUSTOM
    }

    private static final EdgeCondition SUCCESS = new EdgeCondition(Kind.SUCCESS, null);
    private static final EdgeCondition FAILURE = new EdgeCondition(Kind.FAILURE, null);
    private static final EdgeCondition COMPLETION = new EdgeCondition(Kind.COMPLETION, null);

    /**
     * @throws IllegalArgumentException if CUSTOM has no expression or another kind has one
     */
    public EdgeCondition {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.CUSTOM && (expression == null || expression.isBlank())) {
            throw new IllegalArgumentException("a CUSTOM edge condition needs an expression");
        }
        if (kind != Kind.CUSTOM && expression != null) {
            throw new IllegalArgumentException("only a CUSTOM edge condition takes an expression, not " + kind);
        }
    }

    /** @return the default condition: upstream succeeded */
    public static EdgeCondition onSuccess() {
        return SUCCESS;
    }

    /** @return upstream failed */
    public static EdgeCondition onFailure() {
        return FAILURE;
    }

    /** @return upstream ended in any way */
    public static EdgeCondition onCompletion() {
        return COMPLETION;
    }

    /**
     * @param expression an expression over the upstream result
     * @return a custom condition
     */
    public static EdgeCondition custom(String expression) {
        return new EdgeCondition(Kind.CUSTOM, expression);
    }
}
