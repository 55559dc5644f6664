package dev.supervisor.core.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.api.Backoff;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.Priority;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a workflow document that a store wrote itself, straight from the token stream: no tree, no problem
 * collection. A node that takes part in a large run reads its definition before it can run any of its tasks, in a
 * JVM that may have just started; the checking reader ({@code WorkflowJson.read}) builds a tree of the whole document
 * first and spends most of that start-up. Anything this reader does not expect — an unknown field, a wrong type, a
 * value the builders refuse — makes it give up (null), and the caller reads the document with the checking reader,
 * which reports the problem properly. Both build the spec through the same builder calls, so they agree on every
 * document this one accepts; the structural checks the checking reader adds (unknown dependencies, cycles) are left
 * to the engine, which validates every workflow it prepares.
 */
public final class StoredReader {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final ClassLoader loader;
    private final Map<String, TaskType> types = new HashMap<>();
    private final Map<String, Duration> durations = new HashMap<>();

    private StoredReader(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * @param json a workflow document as the store wrote it
     * @param loader resolves the exception classes of retry policies
     * @return the workflow, or null if the document holds anything this reader does not handle
     */
    public static WorkflowSpec read(String json, ClassLoader loader) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            WorkflowSpec spec = new StoredReader(loader).workflow(p);
            return spec != null && p.nextToken() == null ? spec : null;
        } catch (IOException | RuntimeException e) {
            return null; // the checking reader reads it, and says what is wrong
        }
    }

    private WorkflowSpec workflow(JsonParser p) throws IOException {
        String id = null;
        String name = null;
        FailureStrategy strategy = null;
        Integer maxConcurrency = null;
        Duration timeout = null;
        List<TaskSpec> tasks = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "id" -> id = text(p, v);
                case "name" -> name = text(p, v);
                case "failureStrategy" -> strategy = FailureStrategy.valueOf(upper(text(p, v)));
                case "maxConcurrency" -> maxConcurrency = integer(p, v);
                case "timeout" -> timeout = duration(p, v);
                case "tasks" -> tasks = tasks(p, v);
                default -> {
                    return null;
                }
            }
        }
        if (id == null || tasks == null) {
            return null;
        }
        WorkflowSpec.Builder b = WorkflowSpec.builder(id);
        if (name != null) {
            b.name(name);
        }
        if (strategy != null) {
            b.failureStrategy(strategy);
        }
        if (maxConcurrency != null) {
            b.maxConcurrency(maxConcurrency);
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        return b.tasks(tasks).build();
    }

    private List<TaskSpec> tasks(JsonParser p, JsonToken v) throws IOException {
        expect(v, JsonToken.START_ARRAY);
        List<TaskSpec> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(t, JsonToken.START_OBJECT);
            out.add(task(p));
        }
        return out;
    }

    private TaskSpec task(JsonParser p) throws IOException {
        String id = null;
        String typeName = null;
        List<java.util.function.Consumer<TaskSpec.Builder>> options = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "id" -> id = text(p, v);
                case "type" -> typeName = text(p, v);
                case "name" -> {
                    String name = text(p, v);
                    options.add(b -> b.name(name));
                }
                case "config" -> {
                    expect(v, JsonToken.START_OBJECT);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> config = MAPPER.readValue(p, Map.class);
                    options.add(b -> b.config(config));
                }
                case "priority" -> {
                    Priority priority = v == JsonToken.VALUE_NUMBER_INT ? Priority.ofValue(integer(p, v))
                            : Priority.valueOf(upper(text(p, v)));
                    options.add(b -> b.priority(priority));
                }
                case "estimatedDuration" -> {
                    Duration d = duration(p, v);
                    options.add(b -> b.estimatedDuration(d));
                }
                case "timeout" -> {
                    Duration d = duration(p, v);
                    options.add(b -> b.timeout(d));
                }
                case "retry" -> {
                    RetryPolicy retry = retry(p, v);
                    options.add(b -> b.retryPolicy(retry));
                }
                case "tags" -> {
                    for (String tag : texts(p, v)) {
                        options.add(b -> b.tags(tag));
                    }
                }
                case "dependsOn" -> dependencies(p, v, options);
                case "triggerRule" -> {
                    TriggerRule rule = TriggerRule.valueOf(upper(text(p, v)));
                    options.add(b -> b.triggerRule(rule));
                }
                case "condition" -> {
                    String condition = text(p, v);
                    options.add(b -> b.condition(condition));
                }
                case "fanOut" -> {
                    expect(v, JsonToken.START_OBJECT);
                    String items = null;
                    Integer width = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        JsonToken fv = p.nextToken();
                        switch (f) {
                            case "items" -> items = text(p, fv);
                            case "maxWidth" -> width = integer(p, fv);
                            default -> throw new IllegalArgumentException(f);
                        }
                    }
                    String fanItems = items;
                    int fanWidth = java.util.Objects.requireNonNull(width, "maxWidth");
                    options.add(b -> b.fanOut(fanItems, fanWidth));
                }
                case "teardown" -> {
                    boolean teardown = bool(v);
                    options.add(b -> b.teardown(teardown));
                }
                default -> throw new IllegalArgumentException(field);
            }
        }
        TaskSpec.Builder b = TaskSpec.builder(java.util.Objects.requireNonNull(id, "id"), type(typeName));
        options.forEach(o -> o.accept(b)); // document order: the writer's, which is the checking reader's
        return b.build();
    }

    private void dependencies(JsonParser p, JsonToken v, List<java.util.function.Consumer<TaskSpec.Builder>> options)
            throws IOException {
        expect(v, JsonToken.START_ARRAY);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_STRING) {
                String upstream = p.getText();
                options.add(b -> b.dependsOn(upstream));
                continue;
            }
            expect(t, JsonToken.START_OBJECT);
            String task = null;
            EdgeCondition.Kind kind = EdgeCondition.Kind.SUCCESS;
            String expression = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken fv = p.nextToken();
                switch (f) {
                    case "task" -> task = text(p, fv);
                    case "condition" -> kind = EdgeCondition.Kind.valueOf(upper(text(p, fv)));
                    case "expression" -> expression = text(p, fv);
                    default -> throw new IllegalArgumentException(f);
                }
            }
            String upstream = java.util.Objects.requireNonNull(task, "task");
            EdgeCondition edge = TaskReader.edge(kind, expression);
            options.add(b -> b.dependsOn(upstream, edge));
        }
    }

    private RetryPolicy retry(JsonParser p, JsonToken v) throws IOException {
        expect(v, JsonToken.START_OBJECT);
        Integer maxAttempts = null;
        Backoff backoff = Backoff.EXPONENTIAL;
        Duration delay = Duration.ofSeconds(1);
        Duration maxDelay = null;
        Boolean jitter = null;
        List<Class<? extends Throwable>> retryOn = List.of();
        List<Class<? extends Throwable>> abortOn = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken fv = p.nextToken();
            switch (f) {
                case "maxAttempts" -> maxAttempts = integer(p, fv);
                case "backoff" -> backoff = Backoff.valueOf(upper(text(p, fv)));
                case "delay" -> delay = duration(p, fv);
                case "maxDelay" -> maxDelay = duration(p, fv);
                case "jitter" -> jitter = bool(fv);
                case "retryOn" -> retryOn = throwables(p, fv);
                case "abortOn" -> abortOn = throwables(p, fv);
                default -> throw new IllegalArgumentException(f);
            }
        }
        // The builder calls of the checking reader, in its order.
        RetryPolicy.Builder b = RetryPolicy.builder();
        if (maxAttempts != null) {
            b.maxAttempts(maxAttempts);
        }
        b.backoff(backoff, delay);
        if (maxDelay != null) {
            b.maxDelay(maxDelay);
        }
        if (jitter != null) {
            b.jitter(jitter);
        }
        retryOn.forEach(b::retryOn);
        abortOn.forEach(b::abortOn);
        return b.build();
    }

    private List<Class<? extends Throwable>> throwables(JsonParser p, JsonToken v) throws IOException {
        List<Class<? extends Throwable>> out = new ArrayList<>();
        for (String name : texts(p, v)) {
            out.add(throwable(name));
        }
        return out;
    }

    private Class<? extends Throwable> throwable(String name) {
        try {
            return Class.forName(name, false, loader).asSubclass(Throwable.class);
        } catch (ClassNotFoundException | LinkageError | ClassCastException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private TaskType type(String name) {
        TaskType t = types.get(java.util.Objects.requireNonNull(name, "type"));
        if (t == null) {
            t = TaskType.of(name);
            types.put(name, t);
        }
        return t;
    }

    private Duration duration(JsonParser p, JsonToken v) throws IOException {
        String s = text(p, v);
        Duration d = durations.get(s);
        if (d == null) {
            d = Duration.parse(s);
            if (durations.size() < 256) {
                durations.put(s, d);
            }
        }
        return d;
    }

    private static List<String> texts(JsonParser p, JsonToken v) throws IOException {
        expect(v, JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            out.add(text(p, t));
        }
        return out;
    }

    private static String text(JsonParser p, JsonToken v) throws IOException {
        expect(v, JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static int integer(JsonParser p, JsonToken v) throws IOException {
        expect(v, JsonToken.VALUE_NUMBER_INT);
        return p.getIntValue();
    }

    private static boolean bool(JsonToken v) {
        if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
            throw new IllegalArgumentException("not a boolean");
        }
        return v == JsonToken.VALUE_TRUE;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static void expect(JsonToken actual, JsonToken wanted) {
        if (actual != wanted) {
            throw new IllegalArgumentException("expected " + wanted + " but was " + actual);
        }
    }
}
