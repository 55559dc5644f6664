package dev.supervisor.core.expr.internal;

/** A lexical token: its kind, text, literal value (for literals) and offset in the source. */
record Token(Kind kind, String text, Object value, int pos) {
    enum Kind { INT, DOUBLE, STRING, IDENT, OP, EOF }

    boolean is(String op) {
        return kind == Kind.OP && text.equals(op);
    }
}
