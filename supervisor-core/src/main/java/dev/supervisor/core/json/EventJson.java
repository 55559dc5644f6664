package dev.supervisor.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.event.SupervisorEvent;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lifecycle events as JSON, for stores that keep an event log ({@link dev.supervisor.api.spi.RunEventLog}): an
 * object with the event's {@code type} (its simple class name) and one field per record component, instants and
 * durations as ISO-8601 text (exact to the nanosecond). Every event type of the sealed
 * {@link SupervisorEvent} hierarchy round-trips.
 */
public final class EventJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Class<?>> TYPES = new HashMap<>();
    private static final java.util.Set<String> TASK_TYPES = new java.util.HashSet<>();
    /** Record components and canonical constructor per event type: reflection looked up once, not per event. */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] comps = type.getRecordComponents();
            Class<?>[] types = new Class<?>[comps.length];
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
            }
            try {
                return new Shape(comps, types, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new SupervisorException("event type " + type.getSimpleName() + " has no canonical constructor");
            }
        }
    };

    private record Shape(RecordComponent[] components, Class<?>[] types, Constructor<?> constructor) {
    }

    static {
        collect(SupervisorEvent.class);
    }

    private EventJson() {
    }

    private static void collect(Class<?> type) {
        if (type.isRecord()) {
            TYPES.put(type.getSimpleName(), type);
            if (dev.supervisor.api.event.TaskEvent.class.isAssignableFrom(type)) {
                TASK_TYPES.add(type.getSimpleName());
            }
        }
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted != null) {
            for (Class<?> c : permitted) {
                collect(c);
            }
        }
    }

    /**
     * @param event an event
     * @return its JSON text
     */
    public static String write(SupervisorEvent event) {
        return writeAll(List.of(event));
    }

    /**
     * @param events events, at least one
     * @return the JSON text of the one event, or a JSON array of them (what {@link #readAll} reads back)
     * @throws IllegalArgumentException if there is no event
     */
    public static String writeAll(List<? extends SupervisorEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events to write");
        }
        // Written by hand, not through a generator and reflection: see EventText.
        StringBuilder out = new StringBuilder(192 * events.size());
        char[] buf = new char[InstantText.MAX];
        if (events.size() > 1) {
            out.append('[');
        }
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            EventText.write(out, events.get(i), buf);
        }
        if (events.size() > 1) {
            out.append(']');
        }
        return out.toString();
    }

    /**
     * @param json text from {@link #write}
     * @return the event
     * @throws SupervisorException if the text is not an event this version knows
     */
    public static SupervisorEvent read(String json) {
        JsonNode o = tree(json);
        if (!o.isObject()) {
            throw new SupervisorException("stored event is not a JSON object");
        }
        return event(o);
    }

    /**
     * @param json text from {@link #writeAll} or {@link #write}
     * @return the events, in the order written
     * @throws SupervisorException if the text is not events this version knows
     */
    public static List<SupervisorEvent> readAll(String json) {
        JsonNode o = tree(json);
        if (o.isObject()) {
            return List.of(event(o));
        }
        if (!o.isArray()) {
            throw new SupervisorException("stored events are neither a JSON object nor an array");
        }
        List<SupervisorEvent> out = new java.util.ArrayList<>(o.size());
        for (JsonNode e : o) {
            out.add(event(e));
        }
        return out;
    }

    /**
     * The task ids of the task events among some of the events of a text, without decoding the events: what a
     * follower that reads the tasks' records anyway needs from them.
     *
     * @param json text from {@link #writeAll} or {@link #write}
     * @param from index of the first event to look at
     * @param count how many events to look at
     * @return the task ids of those that are {@link dev.supervisor.api.event.TaskEvent}s, in order
     * @throws SupervisorException if the text is not JSON events
     */
    public static List<String> taskIds(String json, int from, int count) {
        List<String> out = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(json)) {
            com.fasterxml.jackson.core.JsonToken first = p.nextToken();
            boolean array = first == com.fasterxml.jackson.core.JsonToken.START_ARRAY;
            if (!array && first != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new SupervisorException("stored events are neither a JSON object nor an array");
            }
            for (int k = 0; k < from + count; k++) {
                if (array && p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    break; // fewer events than asked for
                }
                if (k < from) {
                    p.skipChildren();
                } else {
                    String type = null;
                    String taskId = null;
                    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        if (name.equals("type")) {
                            type = p.getValueAsString();
                        } else if (name.equals("taskId")) {
                            taskId = p.getValueAsString();
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (taskId != null && TASK_TYPES.contains(type)) {
                        out.add(taskId);
                    }
                }
                if (!array) {
                    break;
                }
            }
        } catch (java.io.IOException e) {
            throw new SupervisorException("stored events are not JSON: " + e.getMessage());
        }
        return out;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SupervisorException("stored event is not JSON: " + e.getOriginalMessage());
        }
    }

    private static SupervisorEvent event(JsonNode o) {
        String type = o.path("type").asText("");
        Class<?> cls = TYPES.get(type);
        if (cls == null) {
            throw new SupervisorException("unknown event type '" + type + "'");
        }
        Shape shape = SHAPES.get(cls);
        RecordComponent[] comps = shape.components();
        Object[] args = new Object[comps.length];
        for (int i = 0; i < comps.length; i++) {
            args[i] = value(o.get(comps[i].getName()), shape.types()[i], type + "." + comps[i].getName());
        }
        try {
            return (SupervisorEvent) shape.constructor().newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new SupervisorException("cannot rebuild event " + type + ": " + e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(JsonNode n, Class<?> t, String field) {
        if (n == null || n.isNull()) {
            if (t.isPrimitive()) {
                throw new SupervisorException("stored event has no " + field);
            }
            return null;
        }
        if (t == String.class) {
            return n.asText();
        } else if (t == int.class || t == Integer.class) {
            return n.asInt();
        } else if (t == long.class || t == Long.class) {
            return n.asLong();
        } else if (t == double.class || t == Double.class) {
            return n.asDouble();
        } else if (t == boolean.class || t == Boolean.class) {
            return n.asBoolean();
        } else if (t == Instant.class) {
            return Instant.parse(n.asText());
        } else if (t == Duration.class) {
            return Duration.parse(n.asText());
        } else if (t.isEnum()) {
            return Enum.valueOf((Class<Enum>) t, n.asText());
        } else if (t == List.class || t == Map.class || t == Object.class) {
            return JSON.convertValue(n, Object.class);
        }
        throw new SupervisorException("cannot read " + field + " of type " + t.getSimpleName());
    }
}
