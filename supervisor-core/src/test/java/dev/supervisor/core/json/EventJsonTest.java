package dev.supervisor.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.event.SupervisorEvent;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every event type round-trips through its JSON, alone and in the arrays the event log stores per transaction. */
class EventJsonTest {

    @Test
    void write_thenRead_givesEveryEventTypeBackEqual() {
        List<SupervisorEvent> all = everyEventType();
        assertThat(all).hasSizeGreaterThanOrEqualTo(9);
        for (SupervisorEvent e : all) {
            assertThat(EventJson.read(EventJson.write(e))).as(e.getClass().getSimpleName()).isEqualTo(e);
        }
    }

    @Test
    void writeAll_thenReadAll_keepsTheEventsAndTheirOrder() {
        List<SupervisorEvent> all = everyEventType();
        assertThat(EventJson.readAll(EventJson.writeAll(all))).containsExactlyElementsOf(all);
        assertThat(EventJson.readAll(EventJson.writeAll(all.subList(0, 1)))).containsExactly(all.get(0));
        assertThat(EventJson.writeAll(all.subList(0, 1))).as("one event is stored as an object")
                .isEqualTo(EventJson.write(all.get(0)));
    }

    @Test
    void read_refusesWhatIsNotAnEvent_naming_theProblem() {
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"Nope\"}")).isInstanceOf(SupervisorException.class)
                .hasMessageContaining("'Nope'");
        assertThatThrownBy(() -> EventJson.read("[1]")).isInstanceOf(SupervisorException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> EventJson.readAll("7")).isInstanceOf(SupervisorException.class)
                .hasMessageContaining("neither");
        assertThatThrownBy(() -> EventJson.writeAll(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** One instance of each record in the sealed hierarchy, every component set to a value of its type. */
    @Test
    void taskIds_ofARangeOfEvents_areThoseOfItsTaskEvents_inOrder() {
        List<SupervisorEvent> all = everyEventType();
        String json = EventJson.writeAll(all);
        List<String> expected = new ArrayList<>();
        for (SupervisorEvent e : all.subList(1, all.size() - 1)) {
            if (e instanceof dev.supervisor.api.event.TaskEvent t) {
                expected.add(t.taskId());
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(EventJson.taskIds(json, 1, all.size() - 2)).isEqualTo(expected);
        assertThat(EventJson.taskIds(json, 0, all.size() + 5)).as("asking past the end").hasSizeGreaterThanOrEqualTo(
                expected.size());
        SupervisorEvent one = all.stream().filter(e -> e instanceof dev.supervisor.api.event.TaskEvent).findFirst()
                .orElseThrow();
        assertThat(EventJson.taskIds(EventJson.write(one), 0, 1))
                .containsExactly(((dev.supervisor.api.event.TaskEvent) one).taskId());
        assertThatThrownBy(() -> EventJson.taskIds("42", 0, 1)).isInstanceOf(SupervisorException.class);
    }

    private static List<SupervisorEvent> everyEventType() {
        List<SupervisorEvent> out = new ArrayList<>();
        collect(SupervisorEvent.class, out);
        return out;
    }

    private static void collect(Class<?> type, List<SupervisorEvent> out) {
        if (type.isRecord()) {
            RecordComponent[] comps = type.getRecordComponents();
            Class<?>[] types = new Class<?>[comps.length];
            Object[] args = new Object[comps.length];
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
                args[i] = sample(types[i], comps[i].getName(), i);
            }
            try {
                out.add((SupervisorEvent) type.getDeclaredConstructor(types).newInstance(args));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot make a " + type.getSimpleName(), e);
            }
        }
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted != null) {
            for (Class<?> c : permitted) {
                collect(c, out);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object sample(Class<?> t, String name, int i) {
        if (t == String.class) {
            return name + "-\u00e9\"<" + i;
        } else if (t == int.class || t == Integer.class) {
            return 3 + i;
        } else if (t == long.class || t == Long.class) {
            return 5_000_000_000L + i;
        } else if (t == double.class || t == Double.class) {
            return 0.25 + i;
        } else if (t == boolean.class || t == Boolean.class) {
            return true;
        } else if (t == Instant.class) {
            return Instant.parse("2026-03-29T01:30:00.123456789Z").plusSeconds(i);
        } else if (t == Duration.class) {
            return Duration.ofMillis(1500 + i);
        } else if (t.isEnum()) {
            Object[] constants = t.getEnumConstants();
            return constants[i % constants.length];
        } else if (t == List.class) {
            return List.of("a", "b");
        } else if (t == Map.class || t == Object.class) {
            return Map.of("k", List.of(1, "two"));
        }
        throw new AssertionError("no sample value for " + t);
    }
}
