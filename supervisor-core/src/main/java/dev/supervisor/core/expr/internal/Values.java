package dev.supervisor.core.expr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The language's value semantics: normalisation of host values, access, equality, ordering and arithmetic. */
final class Values {
    private Values() {
    }

    static Object normalize(Object v) {
        if (v == null || v instanceof Long || v instanceof String || v instanceof Boolean || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (v instanceof BigDecimal b) {
            return b.doubleValue();
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        if (v instanceof JsonNode n) {
            if (n.isTextual()) {
                return n.textValue();
            }
            if (n.isIntegralNumber()) {
                return n.canConvertToLong() ? (Object) n.longValue() : (Object) n.doubleValue();
            }
            if (n.isNumber()) {
                return n.doubleValue();
            }
            if (n.isBoolean()) {
                return n.booleanValue();
            }
            if (n.isNull() || n.isMissingNode()) {
                return null;
            }
        }
        return v;
    }

    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Double) {
            return "double";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List<?> || v instanceof JsonNode n && n.isArray()) {
            return "list";
        }
        if (v instanceof Map<?, ?> || v instanceof JsonNode n && n.isObject()) {
            return "map";
        }
        if (v instanceof Instant) {
            return "timestamp";
        }
        if (v instanceof Duration) {
            return "duration";
        }
        return "object"; // never a host class name: messages may reach people who should not learn it
    }

    static long size(Env env, Object v, int pos) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof JsonNode n && n.isContainerNode()) {
            return n.size();
        }
        throw env.error(pos, "size() needs a string, list or map but got " + typeName(v));
    }

    /** Elements of a list, or keys of a map, for {@code in} and macros. */
    static Iterator<?> elements(Env env, Object v, int pos) {
        if (v instanceof List<?> l) {
            return l.iterator();
        }
        if (v instanceof Map<?, ?> m) {
            return m.keySet().iterator();
        }
        if (v instanceof JsonNode n && n.isArray()) {
            return n.elements();
        }
        if (v instanceof JsonNode n && n.isObject()) {
            return n.fieldNames();
        }
        throw env.error(pos, "expected a list or map but got " + typeName(v));
    }

    /* ---- equality and ordering ---- */

    static boolean equal(Env env, Object a, Object b, int pos) {
        env.tick(pos);
        if (a instanceof String x && b instanceof String y) {
            return Text.equal(env, pos, x, y);
        }
        a = normalize(a);
        b = normalize(b);
        if (a instanceof Number x && b instanceof Number y) {
            return Numbers.compare(x, y) == 0;
        }
        if (isList(a) && isList(b)) {
            Iterator<?> i = elements(env, a, pos);
            Iterator<?> j = elements(env, b, pos);
            while (i.hasNext() && j.hasNext()) {
                if (!equal(env, i.next(), j.next(), pos)) {
                    return false;
                }
            }
            return !i.hasNext() && !j.hasNext();
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object bv = Access.lookup(env, y, e.getKey(), pos);
                if (bv == Access.ABSENT || !equal(env, e.getValue(), bv, pos)) {
                    return false;
                }
            }
            return true;
        }
        if (isMap(a) && isMap(b)) {
            if (size(env, a, pos) != size(env, b, pos)) {
                return false;
            }
            for (Iterator<?> it = elements(env, a, pos); it.hasNext();) {
                Object k = it.next();
                if (!(k instanceof String key)) {
                    return false;
                }
                Object bv = Access.member(env, b, key, pos);
                if (bv == Access.ABSENT || !equal(env, Access.member(env, a, key, pos), bv, pos)) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static boolean isList(Object v) {
        return v instanceof List<?> || v instanceof JsonNode n && n.isArray();
    }

    private static boolean isMap(Object v) {
        return v instanceof Map<?, ?> || v instanceof JsonNode n && n.isObject();
    }

    /** Returned by {@link #compare} when one side is NaN: every ordering comparison is then false. */
    static final int UNORDERED = Integer.MIN_VALUE;

    static int compare(Env env, Object a, Object b, int pos) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Numbers.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return Text.compare(env, pos, x, y);
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        if (a instanceof Duration x && b instanceof Duration y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        throw env.error(pos, "cannot compare " + typeName(a) + " with " + typeName(b));
    }

    static boolean in(Env env, Object needle, Object haystack, int pos) {
        if (haystack instanceof Map<?, ?> m) {
            return Access.lookup(env, m, needle, pos) != Access.ABSENT;
        }
        if (haystack instanceof JsonNode n && n.isObject()) {
            return needle instanceof String k && Access.member(env, haystack, k, pos) != Access.ABSENT;
        }
        for (Iterator<?> it = elements(env, haystack, pos); it.hasNext();) {
            if (equal(env, needle, it.next(), pos)) {
                return true;
            }
        }
        return false;
    }

    /* ---- arithmetic ---- */

    static Object arith(Env env, String op, Object a, Object b, int pos) {
        try {
            if (a instanceof Long x && b instanceof Long y) {
                return switch (op) {
                    case "+" -> Math.addExact(x, y);
                    case "-" -> Math.subtractExact(x, y);
                    case "*" -> Math.multiplyExact(x, y);
                    case "/" -> {
                        if (y == 0) {
                            throw env.error(pos, "division by zero");
                        }
                        if (x == Long.MIN_VALUE && y == -1) {
                            throw new ArithmeticException();
                        }
                        yield x / y;
                    }
                    default -> {
                        if (y == 0) {
                            throw env.error(pos, "modulus by zero");
                        }
                        yield x % y;
                    }
                };
            }
        } catch (ArithmeticException e) {
            throw env.error(pos, "integer overflow in " + a + " " + op + " " + b);
        }
        if (a instanceof Number x && b instanceof Number y && !op.equals("%")) {
            double r = switch (op) {
                case "+" -> x.doubleValue() + y.doubleValue();
                case "-" -> x.doubleValue() - y.doubleValue();
                case "*" -> x.doubleValue() * y.doubleValue();
                default -> x.doubleValue() / y.doubleValue();
            };
            return r;
        }
        if (op.equals("+")) {
            if (a instanceof String x && b instanceof String y) {
                long len = (long) x.length() + y.length();
                if (len > env.config.maxStringLength()) {
                    throw env.limit(pos, "string longer than " + env.config.maxStringLength() + " characters");
                }
                env.chargeChars(pos, len);
                return x + y;
            }
            if (isList(a) && isList(b)) {
                long n = size(env, a, pos) + size(env, b, pos);
                if (n > env.config.maxListSize()) {
                    throw env.limit(pos, "list larger than " + env.config.maxListSize() + " elements");
                }
                env.charge(pos, n);
                List<Object> out = new ArrayList<>((int) n);
                elements(env, a, pos).forEachRemaining(v -> out.add(normalize(v)));
                elements(env, b, pos).forEachRemaining(v -> out.add(normalize(v)));
                return out;
            }
        }
        try {
            if (a instanceof Instant t && b instanceof Duration d) {
                return op.equals("+") ? t.plus(d) : op.equals("-") ? t.minus(d) : fail(env, op, a, b, pos);
            }
            if (a instanceof Duration d && b instanceof Duration e) {
                return op.equals("+") ? d.plus(e) : op.equals("-") ? d.minus(e) : fail(env, op, a, b, pos);
            }
            if (a instanceof Instant t && b instanceof Instant u && op.equals("-")) {
                return Duration.between(u, t);
            }
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw env.error(pos, "time arithmetic out of range");
        }
        return fail(env, op, a, b, pos);
    }

    private static Object fail(Env env, String op, Object a, Object b, int pos) {
        throw env.error(pos, "operator " + op + " does not apply to " + typeName(a) + " and " + typeName(b));
    }
}
