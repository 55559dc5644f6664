package dev.supervisor.core.expr.internal;

import dev.supervisor.core.expr.ExpressionConfig;
import dev.supervisor.core.expr.ExpressionException;
import java.util.Map;

/** One evaluation: variables, macro-bound locals, and the cost meter. Not shared between threads. */
final class Env {
    final ExpressionConfig config;
    final String source;
    final Map<String, ?> variables;
    private long cost;
    /** Set once a limit was hit: such an error is never absorbed by || or && (CEL absorbs only value errors). */
    boolean exhausted;
    private String[] localNames;
    private Object[] localValues;
    private int locals;

    Env(ExpressionConfig config, String source, Map<String, ?> variables) {
        this.config = config;
        this.source = source;
        this.variables = variables;
    }

    void tick(int pos) {
        if (++cost > config.maxCost()) {
            throw overBudget(pos);
        }
    }

    void charge(int pos, long amount) {
        cost += amount;
        if (cost > config.maxCost()) {
            throw overBudget(pos);
        }
    }

    /** Charges an operation that touches {@code chars} characters: one step per 8, plus one. */
    void chargeChars(int pos, long chars) {
        charge(pos, 1 + (chars >> 3));
    }

    private ExpressionException overBudget(int pos) {
        exhausted = true;
        cost = Long.MAX_VALUE / 2; // stays exhausted whatever is charged next
        return error(pos, "evaluation cost budget of " + config.maxCost() + " steps exceeded");
    }

    /** A limit other than the budget (string or list size) was hit. */
    ExpressionException limit(int pos, String msg) {
        exhausted = true;
        return error(pos, msg);
    }

    ExpressionException error(int pos, String msg) {
        return new ExpressionException(msg, source, pos);
    }

    void push(String name, Object value) {
        if (localNames == null) {
            localNames = new String[4];
            localValues = new Object[4];
        } else if (locals == localNames.length) {
            localNames = java.util.Arrays.copyOf(localNames, locals * 2);
            localValues = java.util.Arrays.copyOf(localValues, locals * 2);
        }
        localNames[locals] = name;
        localValues[locals++] = value;
    }

    void set(Object value) {
        localValues[locals - 1] = value;
    }

    void pop() {
        locals--;
    }

    /** @return true if found, with the value in {@code out[0]} */
    boolean local(String name, Object[] out) {
        for (int k = locals - 1; k >= 0; k--) {
            if (localNames[k].equals(name)) {
                out[0] = localValues[k];
                return true;
            }
        }
        return false;
    }

    boolean hasLocals() {
        return locals > 0;
    }
}
