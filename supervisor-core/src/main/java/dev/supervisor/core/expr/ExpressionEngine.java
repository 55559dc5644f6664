package dev.supervisor.core.expr;

import dev.supervisor.core.expr.internal.DefaultExpressionEngine;

/**
 * Compiles expressions once and caches them.
 *
 * <p>The language follows CEL where the two overlap (see {@code docs/expressions.md}): integers (64-bit, overflow
 * is an error), doubles, strings ('…' or "…", CEL escapes, raw {@code r'…'}), booleans, null, lists
 * {@code [1, 2]}, maps {@code {'k': v}}; operators {@code ! - * / % + - < <= > >= == != in && || ?:}; member
 * access {@code a.b} and indexing {@code a[0]}, {@code a['k']} on maps, lists, Jackson nodes and registered host
 * types; functions {@code size has int double string timestamp duration matches hour weekday} and methods
 * {@code s.startsWith(x) s.endsWith(x) s.contains(x) s.matches(re) x.size()}; macros
 * {@code l.exists(x, p) l.all(x, p) l.filter(x, p) l.map(x, f)}; the variable {@code now}. As in CEL, errors
 * inside {@code || && exists all} are absorbed when the other side decides, NaN is unordered and ints and
 * doubles compare exactly; unlike CEL, ints and doubles also mix in arithmetic. {@code matches} implements the
 * RE2 syntax subset in linear time. Every operation is charged to a cost budget by the size of what it reads.
 */
public interface ExpressionEngine {

    /**
     * @param source the expression
     * @return the compiled expression (from the cache when seen before)
     * @throws ExpressionException with line, column and caret if the source is invalid or too large
     */
    Expression compile(String source);

    /** @return the configuration */
    ExpressionConfig config();

    /**
     * @param config limits and extensions
     * @return an engine
     */
    static ExpressionEngine create(ExpressionConfig config) {
        return new DefaultExpressionEngine(config);
    }

    /** @return an engine with default limits */
    static ExpressionEngine ofDefaults() {
        return create(ExpressionConfig.ofDefaults());
    }
}
