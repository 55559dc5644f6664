package dev.supervisor.core.expr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.core.expr.ExpressionException;
import dev.supervisor.core.expr.MemberAccessor;
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

    /* ---- access ---- */

    static final Object ABSENT = new Object();

    static Object member(Env env, Object target, String name, int pos) {
        if (target instanceof Map<?, ?> m) {
            return lookup(env, m, name, pos);
        }
        if (target instanceof JsonNode n && n.isObject()) {
            JsonNode v = n.get(name);
            return v == null ? ABSENT : normalize(v);
        }
        MemberAccessor<Object> accessor = target == null ? null : accessor(env, target, pos);
        if (accessor != null) {
            try {
                return normalize(accessor.get(target, name));
            } catch (IllegalArgumentException ex) {
                throw new ExpressionException(ex.getMessage() == null ? "no member '" + name + "'" : ex.getMessage(),
                        env.source, pos, ex);
            } catch (RuntimeException | StackOverflowError ex) {
                throw new ExpressionException("reading member '" + name + "' failed", env.source, pos, ex);
            }
        }
        throw env.error(pos, "cannot read member '" + name + "' of " + typeName(target));
    }

    /** A host map's entry: maps with other key types, or that refuse a key, simply do not have it. */
    static Object lookup(Env env, Map<?, ?> m, Object key, int pos) {
        try {
            Object v = m.get(key);
            if (v != null || m.containsKey(key)) {
                return normalize(v);
            }
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            // a sorted map of another key type: not there, but an int key may be stored as Integer
        } catch (RuntimeException e) {
            throw new ExpressionException("reading a map entry failed", env.source, pos, e);
        }
        return key instanceof Long l && l == l.intValue() ? lookup(env, m, l.intValue(), pos) : ABSENT;
    }


    /** The accessor of the most specific registered type; the configuration refused types without an order. */
    @SuppressWarnings("unchecked")
    private static MemberAccessor<Object> accessor(Env env, Object target, int pos) {
        Class<?> best = null;
        MemberAccessor<?> found = null;
        for (Map.Entry<Class<?>, MemberAccessor<?>> e : env.config.accessors().entrySet()) {
            Class<?> type = e.getKey();
            if (type.isInstance(target) && (best == null || best.isAssignableFrom(type))) {
                best = type;
                found = e.getValue();
            }
        }
        return (MemberAccessor<Object>) found;
    }

    static Object index(Env env, Object target, Object key, int pos) {
        try {
            if (target instanceof List<?> l) {
                return normalize(l.get(listIndex(env, key, l.size(), pos)));
            }
            if (target instanceof JsonNode n && n.isArray()) {
                return normalize(n.get(listIndex(env, key, n.size(), pos)));
            }
        } catch (ExpressionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExpressionException("reading a list element failed", env.source, pos, e);
        }
        if (target instanceof String s) {
            if (!(key instanceof Long l)) {
                throw env.error(pos, "string index must be an int but was " + typeName(key));
            }
            return Text.codePointAt(env, pos, s, l);
        }
        if (target instanceof Map<?, ?> m) {
            Object v = lookup(env, m, key, pos);
            if (v == ABSENT) {
                throw env.error(pos, "no key " + quote(key));
            }
            return v;
        }
        if (key instanceof String k) {
            Object v = member(env, target, k, pos);
            if (v == ABSENT) {
                throw env.error(pos, "no key " + quote(k));
            }
            return v;
        }
        throw env.error(pos, "cannot index " + typeName(target) + " with " + typeName(key));
    }

    /** A value for a message: strings quoted and shortened, other values by type or short text. */
    static String quote(Object v) {
        if (v instanceof String s) {
            return "'" + Text.excerpt(s) + "'";
        }
        return v instanceof Long || v instanceof Double || v instanceof Boolean ? String.valueOf(v) : typeName(v);
    }

    private static int listIndex(Env env, Object key, int size, int pos) {
        if (!(key instanceof Long l)) {
            throw env.error(pos, "list index must be an int but was " + typeName(key));
        }
        if (l < 0 || l >= size) {
            throw env.error(pos, "index " + l + " out of range [0, " + size + ")");
        }
        return (int) (long) l;
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
                Object bv = lookup(env, y, e.getKey(), pos);
                if (bv == ABSENT || !equal(env, e.getValue(), bv, pos)) {
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
                Object bv = member(env, b, key, pos);
                if (bv == ABSENT || !equal(env, member(env, a, key, pos), bv, pos)) {
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
            return lookup(env, m, needle, pos) != ABSENT;
        }
        if (haystack instanceof JsonNode n && n.isObject()) {
            return needle instanceof String k && member(env, haystack, k, pos) != ABSENT;
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
