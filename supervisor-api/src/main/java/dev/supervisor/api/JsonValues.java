package dev.supervisor.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and deep-copies JSON-compatible values: null, Boolean, Number, String, List and Map with String keys.
 */
public final class JsonValues {
    private static final int MAX_DEPTH = 64;

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
        return copy(path, value, 0);
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
        return (Map<String, Object>) copy(path, map, 0);
    }

    private static Object copy(String path, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + " nests deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                    || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
                throw new IllegalArgumentException(path + " is " + value + ", which JSON cannot represent");
            }
            return value;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException(path + " has a non-string key " + e.getKey());
                }
                out.put(k, copy(path + "." + k, e.getValue(), depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(copy(path + "[" + i + "]", l.get(i), depth + 1));
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException(path + " has a value of type " + value.getClass().getName()
                + "; only null, Boolean, Number, String, List and Map<String, ?> are JSON-compatible");
    }
}
