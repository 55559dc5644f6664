package dev.supervisor.core.expr;

import java.util.Map;

/**
 * A compiled expression: immutable and safe to evaluate from many threads at once.
 */
public interface Expression {
    /** @return the source text */
    String source();

    /**
     * @param variables the top-level variables (JSON-compatible values, Jackson {@code JsonNode}s, timestamps,
     *                  durations, or objects with a registered {@link MemberAccessor})
     * @return the value: Long, Double, String, Boolean, null, List, Map, Instant or Duration
     * @throws ExpressionException on a type error, a missing variable or an exceeded limit
     */
    Object evaluate(Map<String, ?> variables);

    /**
     * @param variables the top-level variables
     * @return the boolean value
     * @throws ExpressionException if the value is not a boolean, or as {@link #evaluate(Map)}
     */
    boolean test(Map<String, ?> variables);
}
