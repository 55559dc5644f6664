package dev.supervisor.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks and deep-copies JSON-compatible values: null, Boolean, Number, String, List and Map with String keys.
 */
public final class JsonValues {
    private static final int MAX_DEPTH = 64;
    /** About 1,000 decimal digits, the longest number Jackson reads by default. */
    private static final int MAX_INTEGER_BITS = 3_300;

    private JsonValues() {
    }

    /**
     * Returns an unmodifiable deep copy of a JSON-compatible value.
     *
     * @param path where the value sits, for the error message (e.g. {@code tasks[2].config})
     * @param value the value
     * @return an unmodifiable deep copy
     * @throws IllegalArgumentException naming the path if a value is not JSON-compatible or nests too deep
     */
    public static Object copy(String path, Object value) {
        return copy(path, value, 0, false);
    }

    /**
     * Deep-copies a JSON object.
     *
     * @param path where the map sits, for error messages
     * @param map the map (null gives an empty map)
     * @return an unmodifiable, insertion-ordered deep copy
     * @throws IllegalArgumentException naming the path if a value is not JSON-compatible
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copyObject(String path, Map<String, ?> map) {
        if (map == null) {
            return Map.of();
        }
        return (Map<String, Object>) copy(path, map, 0, false);
    }

    /**
     * Deep-copies a task's configuration with its numbers as JSON reads them back ({@link #canonicalNumber}), so
     * that a workflow is the same in memory and after a round trip through its stored JSON form.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copyConfig(String path, Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return (Map<String, Object>) copy(path, map, 0, true);
    }

    /**
     * A number as a JSON reader gives it back: a whole number as the smallest of Integer, Long and BigInteger that
     * holds it, any other as the Double nearest to its decimal form (a Float 0.1 is the Double 0.1).
     */
    private static Number canonicalNumber(String path, Number n) {
        if (n instanceof Integer || n instanceof Double) {
            return n;
        }
        if (n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof AtomicInteger
                || n instanceof AtomicLong) {
            long v = n.longValue();
            return v == (int) v ? (Number) (int) v : (Number) v;
        }
        if (n instanceof Float f) {
            return Double.parseDouble(f.toString());
        }
        if (n instanceof BigInteger b) {
            if (b.bitLength() > MAX_INTEGER_BITS) {
                throw new IllegalArgumentException(path + " has more digits than a JSON reader accepts (1,000)");
            }
            return b.bitLength() < 64 ? canonicalNumber(path, b.longValue()) : b;
        }
        if (n instanceof BigDecimal d) {
            if (d.precision() - d.scale() > 1_000) {
                throw new IllegalArgumentException(path + " has more digits than a JSON reader accepts (1,000)");
            }
            if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
                return canonicalNumber(path, d.toBigIntegerExact());
            }
            double v = d.doubleValue();
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(path + " is " + d + ", beyond the range of a JSON number");
            }
            return v;
        }
        throw new IllegalArgumentException(path + " is a " + n.getClass().getName() + "; use Integer, Long,"
                + " BigInteger, Double or BigDecimal");
    }

    private static Object copy(String path, Object value, int depth, boolean canonical) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + " nests deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                    || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
                throw new IllegalArgumentException(path + " is " + value + ", which JSON cannot represent");
            }
            return canonical && value instanceof Number n ? canonicalNumber(path, n) : value;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException(path + " has a non-string key " + e.getKey());
                }
                out.put(k, copy(path + "." + k, e.getValue(), depth + 1, canonical));
            }
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(copy(path + "[" + i + "]", l.get(i), depth + 1, canonical));
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException(path + " has a value of type " + value.getClass().getName()
                + "; only null, Boolean, Number, String, List and Map<String, ?> are JSON-compatible");
    }
}
