package dev.supervisor.core.expr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.core.expr.ExpressionException;
import dev.supervisor.core.expr.MemberAccessor;
import java.util.List;
import java.util.Map;

/** Reading members, entries and elements of maps, lists, JSON nodes and host objects, failures included. */
final class Access {
    private Access() {
    }

    static final Object ABSENT = new Object();

    static Object member(Env env, Object target, String name, int pos) {
        if (target instanceof Map<?, ?> m) {
            return lookup(env, m, name, pos);
        }
        if (target instanceof JsonNode n && n.isObject()) {
            JsonNode v = n.get(name);
            return v == null ? ABSENT : Values.normalize(v);
        }
        MemberAccessor<Object> accessor = target == null ? null : accessor(env, target, pos);
        if (accessor != null) {
            try {
                return Values.normalize(accessor.get(target, name));
            } catch (IllegalArgumentException ex) {
                throw new ExpressionException(ex.getMessage() == null ? "no member '" + name + "'" : ex.getMessage(),
                        env.source, pos, ex);
            } catch (RuntimeException | StackOverflowError ex) {
                throw new ExpressionException("reading member '" + name + "' failed", env.source, pos, ex);
            }
        }
        throw env.error(pos, "cannot read member '" + name + "' of " + Values.typeName(target));
    }

    /** A host map's entry: maps with other key types, or that refuse a key, simply do not have it. */
    static Object lookup(Env env, Map<?, ?> m, Object key, int pos) {
        try {
            Object v = m.get(key);
            if (v != null || m.containsKey(key)) {
                return Values.normalize(v);
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
                return Values.normalize(l.get(listIndex(env, key, l.size(), pos)));
            }
            if (target instanceof JsonNode n && n.isArray()) {
                return Values.normalize(n.get(listIndex(env, key, n.size(), pos)));
            }
        } catch (ExpressionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExpressionException("reading a list element failed", env.source, pos, e);
        }
        if (target instanceof String s) {
            if (!(key instanceof Long l)) {
                throw env.error(pos, "string index must be an int but was " + Values.typeName(key));
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
        throw env.error(pos, "cannot index " + Values.typeName(target) + " with " + Values.typeName(key));
    }

    /** A value for a message: strings quoted and shortened, other values by type or short text. */
    static String quote(Object v) {
        if (v instanceof String s) {
            return "'" + Text.excerpt(s) + "'";
        }
        return v instanceof Long || v instanceof Double || v instanceof Boolean ? String.valueOf(v) : Values.typeName(v);
    }

    private static int listIndex(Env env, Object key, int size, int pos) {
        if (!(key instanceof Long l)) {
            throw env.error(pos, "list index must be an int but was " + Values.typeName(key));
        }
        if (l < 0 || l >= size) {
            throw env.error(pos, "index " + l + " out of range [0, " + size + ")");
        }
        return (int) (long) l;
    }
}
