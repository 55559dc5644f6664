package dev.supervisor.core.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supervisor.api.Backoff;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.Priority;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a parsed document onto the spec builders, tracking the JSON pointer of every field so that any error —
 * ours or a builder's — can be reported at its position.
 */
public final class SpecReader {
    private static final Set<String> WORKFLOW_FIELDS = Set.of("id", "name", "failureStrategy", "maxConcurrency",
            "timeout", "tasks");
    private static final Set<String> TASK_FIELDS = Set.of("id", "name", "type", "config", "priority",
            "estimatedDuration", "timeout", "retry", "tags", "dependsOn", "triggerRule", "condition");
    private static final Set<String> RETRY_FIELDS = Set.of("maxAttempts", "backoff", "delay", "maxDelay", "jitter");
    private static final Set<String> DEPENDENCY_FIELDS = Set.of("task", "condition", "expression");

    private final ObjectMapper mapper;

    /** An error at a field; the pointer locates it. */
    public static final class FieldError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String pointer;

        FieldError(String pointer, String message, Throwable cause) {
            super(message, cause);
            this.pointer = pointer;
        }

        /** @return the JSON pointer of the field */
        public String pointer() {
            return pointer;
        }
    }

    /**
     * @param mapper converts {@code config} objects to plain maps
     */
    public SpecReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param root the document
     * @return the workflow
     * @throws FieldError at the first problem
     */
    public WorkflowSpec workflow(ObjectNode root) {
        known(root, "", WORKFLOW_FIELDS);
        WorkflowSpec.Builder b = build("/id", () -> WorkflowSpec.builder(text(root, "", "id", true)));
        optText(root, "", "name").ifPresent(v -> build("/name", () -> b.name(v)));
        optText(root, "", "failureStrategy").ifPresent(v -> b.failureStrategy(
                constant(FailureStrategy.class, v, "/failureStrategy")));
        if (root.has("maxConcurrency")) {
            int v = integer(root.get("maxConcurrency"), "/maxConcurrency");
            build("/maxConcurrency", () -> b.maxConcurrency(v));
        }
        optText(root, "", "timeout").ifPresent(v -> build("/timeout", () -> b.timeout(duration(v, "/timeout"))));
        JsonNode tasks = root.get("tasks");
        if (tasks == null || !tasks.isArray()) {
            throw new FieldError("/tasks", tasks == null ? "is required" : "must be an array of tasks", null);
        }
        for (int i = 0; i < tasks.size(); i++) {
            String at = "/tasks/" + i;
            JsonNode t = tasks.get(i);
            if (!t.isObject()) {
                throw new FieldError(at, "must be an object", null);
            }
            b.task(task((ObjectNode) t, at));
        }
        return b.build();
    }

    private TaskSpec task(ObjectNode n, String at) {
        known(n, at, TASK_FIELDS);
        String id = text(n, at, "id", true);
        String type = text(n, at, "type", true);
        TaskSpec.Builder b = build(at + "/id", () -> TaskSpec.builder(id, build(at + "/type",
                () -> TaskType.of(type))));
        optText(n, at, "name").ifPresent(v -> build(at + "/name", () -> b.name(v)));
        if (n.has("config")) {
            JsonNode c = n.get("config");
            if (!c.isObject()) {
                throw new FieldError(at + "/config", "must be an object", null);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> config = mapper.convertValue(c, Map.class);
            build(at + "/config", () -> b.config(config));
        }
        if (n.has("priority")) {
            JsonNode p = n.get("priority");
            Priority pr = p.isInt() ? build(at + "/priority", () -> Priority.ofValue(p.intValue()))
                    : constant(Priority.class, textValue(p, at + "/priority"), at + "/priority");
            b.priority(pr);
        }
        optText(n, at, "estimatedDuration").ifPresent(v -> build(at + "/estimatedDuration",
                () -> b.estimatedDuration(duration(v, at + "/estimatedDuration"))));
        optText(n, at, "timeout").ifPresent(v -> build(at + "/timeout", () -> b.timeout(duration(v, at
                + "/timeout"))));
        if (n.has("retry")) {
            b.retryPolicy(retry(n.get("retry"), at + "/retry"));
        }
        if (n.has("tags")) {
            JsonNode tags = array(n.get("tags"), at + "/tags");
            for (int i = 0; i < tags.size(); i++) {
                String tag = textValue(tags.get(i), at + "/tags/" + i);
                build(at + "/tags/" + i, () -> b.tags(tag));
            }
        }
        if (n.has("dependsOn")) {
            JsonNode deps = array(n.get("dependsOn"), at + "/dependsOn");
            for (int i = 0; i < deps.size(); i++) {
                dependency(b, deps.get(i), at + "/dependsOn/" + i);
            }
        }
        optText(n, at, "triggerRule").ifPresent(v -> b.triggerRule(constant(TriggerRule.class, v,
                at + "/triggerRule")));
        optText(n, at, "condition").ifPresent(v -> build(at + "/condition", () -> b.condition(v)));
        return b.build();
    }

    private void dependency(TaskSpec.Builder b, JsonNode d, String at) {
        if (d.isTextual()) {
            build(at, () -> b.dependsOn(d.textValue()));
            return;
        }
        if (!d.isObject()) {
            throw new FieldError(at, "must be a task id or an object {task, condition, expression}", null);
        }
        known(d, at, DEPENDENCY_FIELDS);
        String task = text(d, at, "task", true);
        EdgeCondition.Kind kind = d.has("condition") ? constant(EdgeCondition.Kind.class,
                textValue(d.get("condition"), at + "/condition"), at + "/condition") : EdgeCondition.Kind.SUCCESS;
        String expr = d.has("expression") ? textValue(d.get("expression"), at + "/expression") : null;
        EdgeCondition c = build(at, () -> new EdgeCondition(kind, expr));
        b.dependsOn(task, c);
    }

    private RetryPolicy retry(JsonNode r, String at) {
        if (!r.isObject()) {
            throw new FieldError(at, "must be an object", null);
        }
        known(r, at, RETRY_FIELDS);
        RetryPolicy.Builder b = RetryPolicy.builder();
        if (r.has("maxAttempts")) {
            int v = integer(r.get("maxAttempts"), at + "/maxAttempts");
            build(at + "/maxAttempts", () -> b.maxAttempts(v));
        }
        Backoff backoff = r.has("backoff") ? constant(Backoff.class, textValue(r.get("backoff"), at + "/backoff"),
                at + "/backoff") : Backoff.EXPONENTIAL;
        Duration delay = r.has("delay") ? duration(textValue(r.get("delay"), at + "/delay"), at + "/delay")
                : Duration.ofSeconds(1);
        build(at + "/delay", () -> b.backoff(backoff, delay));
        if (r.has("maxDelay")) {
            Duration max = duration(textValue(r.get("maxDelay"), at + "/maxDelay"), at + "/maxDelay");
            build(at + "/maxDelay", () -> b.maxDelay(max));
        }
        if (r.has("jitter")) {
            JsonNode j = r.get("jitter");
            if (!j.isBoolean()) {
                throw new FieldError(at + "/jitter", "must be true or false", null);
            }
            b.jitter(j.booleanValue());
        }
        return build(at, b::build);
    }

    /* ---- primitives ---- */

    private static void known(JsonNode n, String at, Set<String> allowed) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new FieldError(at + "/" + escape(f), "unknown field '" + f + "'; expected one of "
                        + new java.util.TreeSet<>(allowed), null);
            }
        }
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    private static String text(JsonNode n, String at, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new FieldError(at + "/" + field, "is required", null);
            }
            return null;
        }
        return textValue(v, at + "/" + field);
    }

    private static java.util.Optional<String> optText(JsonNode n, String at, String field) {
        return java.util.Optional.ofNullable(text(n, at, field, false));
    }

    private static String textValue(JsonNode v, String at) {
        if (!v.isTextual()) {
            throw new FieldError(at, "must be a string but was " + v.getNodeType().name().toLowerCase(Locale.ROOT),
                    null);
        }
        return v.textValue();
    }

    private static JsonNode array(JsonNode v, String at) {
        if (!v.isArray()) {
            throw new FieldError(at, "must be an array", null);
        }
        return v;
    }

    private static int integer(JsonNode v, String at) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new FieldError(at, "must be an integer", null);
        }
        return v.intValue();
    }

    private static Duration duration(String v, String at) {
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new FieldError(at, "'" + v + "' is not an ISO-8601 duration such as PT30S or PT5M", e);
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String v, String at) {
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldError(at, "'" + v + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()),
                    null);
        }
    }

    private static <T> T build(String at, java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new FieldError(at, e.getMessage(), e);
        }
    }
}
