package dev.supervisor.core.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.api.Backoff;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.Priority;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.core.graph.internal.Text;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads one task object; every bad field is a problem, and the task is still built if its id can be. */
final class TaskReader {
    static final List<String> TASK_FIELDS = List.of("condition", "config", "dependsOn", "estimatedDuration",
            "fanOut", "id", "name", "priority", "retry", "tags", "teardown", "timeout", "triggerRule", "type");
    static final List<String> RETRY_FIELDS = List.of("abortOn", "backoff", "delay", "jitter", "maxAttempts",
            "maxDelay", "retryOn");
    static final List<String> DEPENDENCY_FIELDS = List.of("condition", "expression", "task");
    static final List<String> FAN_OUT_FIELDS = List.of("items", "maxWidth");
    /** Stands in for a type that could not be read, so that the task's dependencies are still checked. */
    private static final TaskType UNREADABLE = TaskType.of("unreadable");

    private final ObjectMapper mapper;
    private final ClassLoader loader;
    private final Fields f;
    private final Map<String, TaskType> types = new HashMap<>();

    /**
     * A task read from the document.
     *
     * @param spec the task
     * @param index its position in the tasks array
     * @param dependencyIndexes where each of its dependencies sits in its dependsOn array; null when in order
     */
    record Read(TaskSpec spec, int index, int[] dependencyIndexes) {
        int dependencyIndex(int k) {
            return dependencyIndexes == null ? k : dependencyIndexes[k];
        }
    }

    TaskReader(ObjectMapper mapper, ClassLoader loader, Fields f) {
        this.mapper = mapper;
        this.loader = loader;
        this.f = f;
    }

    /** @return the task, or null if its id could not be read */
    Read task(JsonNode n, int index) {
        String at = "/tasks/" + index;
        f.known(n, at, "a task", TASK_FIELDS);
        String id = f.text(n, at, "id", true);
        String typeName = f.text(n, at, "type", true);
        TaskType type = typeName == null ? null : types.get(typeName);
        if (type == null && typeName != null) {
            type = f.build(at + "/type", () -> TaskType.of(typeName));
            if (type != null && types.size() < 1024) {
                types.put(typeName, type); // checked once per name, not once per task
            }
        }
        TaskType typeOrUnreadable = type != null ? type : UNREADABLE;
        TaskSpec.Builder named = id == null ? null : f.build(at + "/id", () -> TaskSpec.builder(id,
                typeOrUnreadable));
        TaskSpec.Builder b = named != null ? named : TaskSpec.builder("unreadable-id", UNREADABLE);
        String name = f.text(n, at, "name", false);
        if (name != null) {
            f.apply(at + "/name", () -> b.name(name));
        }
        if (n.has("config") && f.object(n.get("config"), at + "/config") != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = mapper.convertValue(n.get("config"), Map.class);
            f.apply(at + "/config", () -> b.config(config));
        }
        if (n.has("priority")) {
            JsonNode p = n.get("priority");
            Integer weight = p.isNumber() ? f.integer(p, at + "/priority") : null;
            Priority priority = p.isNumber() ? weight == null ? null : f.build(at + "/priority",
                    () -> Priority.ofValue(weight)) : f.constant(Priority.class, p, at + "/priority");
            if (priority != null) {
                b.priority(priority);
            }
        }
        Duration estimate = f.duration(n, at, "estimatedDuration");
        if (estimate != null) {
            f.apply(at + "/estimatedDuration", () -> b.estimatedDuration(estimate));
        }
        Duration timeout = f.duration(n, at, "timeout");
        if (timeout != null) {
            f.apply(at + "/timeout", () -> b.timeout(timeout));
        }
        if (n.has("retry")) {
            RetryPolicy retry = retry(n.get("retry"), at + "/retry");
            if (retry != null) {
                b.retryPolicy(retry);
            }
        }
        tags(n, at, b);
        int[] dependencyIndexes = n.has("dependsOn") ? dependencies(n.get("dependsOn"), at + "/dependsOn", b) : null;
        if (n.has("triggerRule")) {
            TriggerRule rule = f.constant(TriggerRule.class, n.get("triggerRule"), at + "/triggerRule");
            if (rule != null) {
                b.triggerRule(rule);
            }
        }
        String condition = f.text(n, at, "condition", false);
        if (condition != null) {
            f.apply(at + "/condition", () -> b.condition(condition));
        }
        if (n.has("fanOut")) {
            fanOut(n.get("fanOut"), at + "/fanOut", b);
        }
        if (n.has("teardown")) {
            Boolean teardown = f.bool(n.get("teardown"), at + "/teardown");
            if (teardown != null) {
                b.teardown(teardown);
            }
        }
        return named == null ? null : new Read(b.build(), index, dependencyIndexes);
    }

    private void tags(JsonNode n, String at, TaskSpec.Builder b) {
        JsonNode tags = n.has("tags") ? f.array(n.get("tags"), at + "/tags") : null;
        for (int i = 0; tags != null && i < tags.size(); i++) {
            String tag = f.textValue(tags.get(i), at + "/tags/" + i);
            if (tag != null) {
                f.apply(at + "/tags/" + i, () -> b.tags(tag));
            }
        }
    }

    /** @return where each dependency added sits in the array, or null if all were added in order */
    private int[] dependencies(JsonNode v, String at, TaskSpec.Builder b) {
        JsonNode deps = f.array(v, at);
        if (deps == null) {
            return null;
        }
        int[] positions = new int[deps.size()];
        int added = 0;
        for (int i = 0; i < deps.size(); i++) {
            if (dependency(b, deps.get(i), at + "/" + i)) {
                positions[added++] = i;
            }
        }
        return added == deps.size() ? null : Arrays.copyOf(positions, added);
    }

    private boolean dependency(TaskSpec.Builder b, JsonNode d, String at) {
        if (d.isTextual()) {
            return f.apply(at, () -> b.dependsOn(d.textValue()));
        }
        if (!d.isObject()) {
            f.add(at, "must be a task id or an object {\"task\": ..., \"condition\": ..., \"expression\": ...}",
                    null);
            return false;
        }
        f.known(d, at, "a dependency", DEPENDENCY_FIELDS);
        String task = f.text(d, at, "task", true);
        EdgeCondition.Kind kind = d.has("condition") ? f.constant(EdgeCondition.Kind.class, d.get("condition"),
                at + "/condition") : EdgeCondition.Kind.SUCCESS;
        String expression = d.has("expression") ? f.textValue(d.get("expression"), at + "/expression") : null;
        if (task == null || kind == null || d.has("expression") && expression == null) {
            return false;
        }
        EdgeCondition c = f.build(at, () -> edge(kind, expression));
        return c != null && f.apply(at + "/task", () -> b.dependsOn(task, c));
    }

    /** The shared constants where they apply, so that the common edge stays one object. */
    static EdgeCondition edge(EdgeCondition.Kind kind, String expression) {
        if (expression == null) {
            switch (kind) {
                case SUCCESS -> {
                    return EdgeCondition.onSuccess();
                }
                case FAILURE -> {
                    return EdgeCondition.onFailure();
                }
                case COMPLETION -> {
                    return EdgeCondition.onCompletion();
                }
                default -> {
                }
            }
        }
        return new EdgeCondition(kind, expression);
    }

    private void fanOut(JsonNode v, String at, TaskSpec.Builder b) {
        if (f.object(v, at) == null) {
            return;
        }
        f.known(v, at, "a fan-out", FAN_OUT_FIELDS);
        String items = f.text(v, at, "items", true);
        Integer width = v.has("maxWidth") ? f.integer(v.get("maxWidth"), at + "/maxWidth") : null;
        if (!v.has("maxWidth")) {
            f.add(at + "/maxWidth", "is required: the most instances allowed, 1 to 10000", null);
        }
        if (items != null && width != null) {
            f.apply(at, () -> b.fanOut(items, width));
        }
    }

    private RetryPolicy retry(JsonNode r, String at) {
        if (f.object(r, at) == null) {
            return null;
        }
        f.known(r, at, "a retry policy", RETRY_FIELDS);
        RetryPolicy.Builder b = RetryPolicy.builder();
        if (r.has("maxAttempts")) {
            Integer v = f.integer(r.get("maxAttempts"), at + "/maxAttempts");
            if (v != null) {
                f.apply(at + "/maxAttempts", () -> b.maxAttempts(v));
            }
        }
        Backoff backoff = r.has("backoff") ? f.constant(Backoff.class, r.get("backoff"), at + "/backoff")
                : Backoff.EXPONENTIAL;
        Duration delay = r.has("delay") ? f.duration(r, at, "delay") : Duration.ofSeconds(1);
        if (backoff != null && delay != null) {
            f.apply(at + "/delay", () -> b.backoff(backoff, delay));
        }
        Duration maxDelay = f.duration(r, at, "maxDelay");
        if (maxDelay != null) {
            f.apply(at + "/maxDelay", () -> b.maxDelay(maxDelay));
        }
        if (r.has("jitter")) {
            Boolean jitter = f.bool(r.get("jitter"), at + "/jitter");
            if (jitter != null) {
                b.jitter(jitter);
            }
        }
        failures(r, at, "retryOn", b);
        failures(r, at, "abortOn", b);
        return f.build(at, b::build);
    }

    /** Resolves the exception classes named in {@code retryOn} or {@code abortOn}. */
    private void failures(JsonNode r, String at, String field, RetryPolicy.Builder b) {
        JsonNode names = r.has(field) ? f.array(r.get(field), at + "/" + field) : null;
        for (int i = 0; names != null && i < names.size(); i++) {
            String where = at + "/" + field + "/" + i;
            String name = f.textValue(names.get(i), where);
            Class<? extends Throwable> type = name == null ? null : throwable(name, where, field);
            if (type != null) {
                f.apply(where, () -> {
                    if (field.equals("retryOn")) {
                        b.retryOn(type);
                    } else {
                        b.abortOn(type);
                    }
                });
            }
        }
    }

    private Class<? extends Throwable> throwable(String name, String at, String field) {
        Class<?> c;
        try {
            c = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            f.add(at, field + " names class '" + Text.clean(name) + "', which the class loader given to"
                    + " WorkflowJson.read (" + Text.clean(String.valueOf(loader)) + ") cannot load; put it on that"
                    + " loader's class path or pass the loader that has it", e);
            return null;
        }
        if (!Throwable.class.isAssignableFrom(c)) {
            f.add(at, field + " names class '" + Text.clean(name) + "', which is not a Throwable", null);
            return null;
        }
        return c.asSubclass(Throwable.class);
    }
}
