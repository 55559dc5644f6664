package dev.supervisor.core.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.core.graph.internal.Suggestions;
import dev.supervisor.core.graph.internal.Text;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the fields of a document, collecting a problem for each bad one instead of stopping at the first: every
 * method returns null (or false) for a field it could not read, and the caller goes on with the next.
 */
final class Fields {
    private final List<FieldProblem> problems = new ArrayList<>();
    /** Large documents repeat a few durations (every task's estimate) many times: each is parsed once. */
    private final Map<String, Duration> durations = new HashMap<>();

    List<FieldProblem> problems() {
        return problems;
    }

    void add(String pointer, String reason, Throwable cause) {
        problems.add(new FieldProblem(pointer, reason, cause));
    }

    /** Reports every field of {@code n} not in {@code allowed} (sorted), suggesting the closest known one. */
    void known(JsonNode n, String at, String what, List<String> allowed) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                String s = Suggestions.closest(f, allowed);
                add(at + "/" + escape(f), "unknown field '" + Text.clean(f) + "'" + (s != null
                        ? Suggestions.didYouMean(s) : "; the fields of " + what + " are " + allowed), null);
            }
        }
    }

    static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    /** @return the string at {@code n.field}, or null if absent (a problem if required) or not a string */
    String text(JsonNode n, String at, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                add(at + "/" + field, "is required", null);
            }
            return null;
        }
        return v.isTextual() ? v.textValue() : textValue(v, at + "/" + field); // the pointer only for a problem
    }

    String textValue(JsonNode v, String at) {
        if (!v.isTextual()) {
            add(at, "must be a string but was " + v.getNodeType().name().toLowerCase(Locale.ROOT), null);
            return null;
        }
        return v.textValue();
    }

    /** @return the array, or null (with a problem) if it is not one */
    JsonNode array(JsonNode v, String at) {
        if (!v.isArray()) {
            add(at, "must be an array", null);
            return null;
        }
        return v;
    }

    /** @return the object, or null (with a problem) if it is not one */
    JsonNode object(JsonNode v, String at) {
        if (!v.isObject()) {
            add(at, "must be an object", null);
            return null;
        }
        return v;
    }

    Integer integer(JsonNode v, String at) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            add(at, "must be an integer", null);
            return null;
        }
        return v.intValue();
    }

    Boolean bool(JsonNode v, String at) {
        if (!v.isBoolean()) {
            add(at, "must be true or false", null);
            return null;
        }
        return v.booleanValue();
    }

    /** @return the duration at {@code n.field}, or null if absent or bad */
    Duration duration(JsonNode n, String at, String field) {
        String v = text(n, at, field, false);
        if (v == null) {
            return null;
        }
        Duration known = durations.get(v);
        if (known != null) {
            return known;
        }
        try {
            Duration d = Duration.parse(v);
            if (durations.size() < 256) {
                durations.put(v, d);
            }
            return d;
        } catch (DateTimeParseException e) {
            add(at + "/" + field, "'" + Text.clean(v) + "' is not an ISO-8601 duration such as PT30S or PT5M", e);
            return null;
        }
    }

    /** @return the constant named by the string at {@code at} (any case), or null if bad */
    <E extends Enum<E>> E constant(Class<E> type, JsonNode v, String at) {
        String s = textValue(v, at);
        if (s == null) {
            return null;
        }
        E[] all = type.getEnumConstants();
        String upper = s.toUpperCase(Locale.ROOT);
        for (E e : all) {
            if (e.name().equals(upper)) {
                return e;
            }
        }
        String near = Suggestions.closest(upper, Arrays.stream(all).map(Enum::name).toList());
        add(at, "'" + Text.clean(s) + "' is not one of " + Arrays.toString(all) + Suggestions.didYouMean(near), null);
        return null;
    }

    /** Runs a builder call, turning what it refuses into a problem at {@code at}. */
    <T> T build(String at, Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            add(at, e.getMessage(), e);
            return null;
        }
    }

    boolean apply(String at, Runnable r) {
        return build(at, () -> {
            r.run();
            return Boolean.TRUE;
        }) != null;
    }
}
