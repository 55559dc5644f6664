package dev.supervisor.core.json;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares workflow model objects field by field, found by reflection: the components of records, and for the
 * model's classes every instance field through the public accessor of the same name (a field without one fails the
 * comparison, so nothing can hide from it). A field added to the model later is compared without touching this
 * class. It also remembers the values each field took, so a test can check that its inputs varied every field.
 */
final class ModelComparison {
    private static final String MODEL_PACKAGE = "dev.supervisor.api";
    /** Per field ("TaskSpec.teardown"), the distinct values seen on the expected side. */
    private final Map<String, Set<String>> values = new TreeMap<>();

    /** @return the differences between two model values, each as "path: expected … but was …" */
    List<String> differences(Object expected, Object actual) {
        List<String> out = new ArrayList<>();
        compare("workflow", expected, actual, out);
        return out;
    }

    /** @return the fields that took a single value in every comparison so far */
    List<String> fieldsNeverVaried() {
        return values.entrySet().stream().filter(e -> e.getValue().size() < 2).map(Map.Entry::getKey).toList();
    }

    private void compare(String path, Object e, Object a, List<String> out) {
        if (e == null || a == null) {
            if (e != a) {
                out.add(path + ": expected " + e + " but was " + a);
            }
            return;
        }
        if (e.getClass() != a.getClass() && !(e instanceof List && a instanceof List || e instanceof Map
                && a instanceof Map || e instanceof Set && a instanceof Set)) {
            out.add(path + ": expected a " + e.getClass().getName() + " (" + e + ") but was a "
                    + a.getClass().getName() + " (" + a + ")");
        } else if (e instanceof String || e instanceof Number || e instanceof Boolean || e instanceof Enum<?>
                || e instanceof Duration || e instanceof Class<?>) {
            if (!e.equals(a)) {
                out.add(path + ": expected " + e + " but was " + a);
            }
        } else if (e instanceof Optional<?> oe) {
            compare(path, oe.orElse(null), ((Optional<?>) a).orElse(null), out);
        } else if (e instanceof List<?> le) {
            List<?> la = (List<?>) a;
            if (le.size() != la.size()) {
                out.add(path + ": expected " + le.size() + " elements but was " + la.size());
                return;
            }
            for (int i = 0; i < le.size(); i++) {
                compare(path + "[" + i + "]", le.get(i), la.get(i), out);
            }
        } else if (e instanceof Set<?> se) {
            if (!se.equals(a)) {
                out.add(path + ": expected " + se + " but was " + a);
            }
        } else if (e instanceof Map<?, ?> me) {
            Map<?, ?> ma = (Map<?, ?>) a;
            if (!me.keySet().equals(ma.keySet())) {
                out.add(path + ": expected keys " + me.keySet() + " but was " + ma.keySet());
                return;
            }
            me.forEach((k, v) -> compare(path + "." + k, v, ma.get(k), out));
        } else if (e.getClass().isRecord()) {
            for (RecordComponent c : e.getClass().getRecordComponents()) {
                field(path, e.getClass().getSimpleName() + "." + c.getName(), c.getAccessor(), e, a, out);
            }
        } else if (e.getClass().getPackageName().equals(MODEL_PACKAGE)) {
            for (Field f : e.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                Method accessor;
                try {
                    accessor = e.getClass().getMethod(f.getName());
                } catch (NoSuchMethodException x) {
                    throw new AssertionError(e.getClass().getSimpleName() + "." + f.getName()
                            + " has no public accessor of the same name: the comparison cannot see it");
                }
                field(path, e.getClass().getSimpleName() + "." + f.getName(), accessor, e, a, out);
            }
        } else {
            throw new AssertionError(path + ": no rule to compare a " + e.getClass().getName()
                    + "; teach ModelComparison");
        }
    }

    private void field(String path, String name, Method accessor, Object e, Object a, List<String> out) {
        try {
            Object ev = accessor.invoke(e);
            Set<String> seen = values.computeIfAbsent(name, k -> new TreeSet<>());
            if (seen.size() < 2) {
                seen.add(String.valueOf(ev));
            }
            compare(path + "." + accessor.getName(), ev, accessor.invoke(a), out);
        } catch (IllegalAccessException | InvocationTargetException x) {
            throw new AssertionError("cannot read " + name, x);
        }
    }
}
