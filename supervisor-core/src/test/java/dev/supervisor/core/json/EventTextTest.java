package dev.supervisor.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.api.event.SupervisorEvent;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written event text is the text a general writer makes: a Jackson generator fed every record component
 * in order through reflection (the reference below), over seeded random events of every type with hostile strings,
 * nulls, and doubles JSON has no number for.
 */
class EventTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void write_randomEventsOfEveryType_isTheReferenceWritersTextExactly() throws Exception {
        long seed = System.nanoTime();
        System.out.println("EventTextTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<Class<?>> types = eventTypes(SupervisorEvent.class, new ArrayList<>());
        assertThat(types).hasSize(9);
        for (int round = 0; round < 300; round++) {
            for (Class<?> type : types) {
                SupervisorEvent e = randomEvent(type, random);
                assertThat(EventJson.write(e)).as("seed %d, %s", seed, e).isEqualTo(reference(List.of(e)));
                if (round % 10 == 0) {
                    assertThat(EventJson.read(EventJson.write(e))).as("seed %d", seed).isEqualTo(e);
                }
            }
        }
        List<SupervisorEvent> batch = new ArrayList<>();
        for (Class<?> type : types) {
            batch.add(randomEvent(type, random));
        }
        assertThat(EventJson.writeAll(batch)).as("seed %d", seed).isEqualTo(reference(batch));
    }

    @Test
    void durationText_isDurationToString_overTheWholeRange() {
        long seed = System.nanoTime();
        System.out.println("EventTextTest durations seed " + seed);
        SplittableRandom r = new SplittableRandom(seed);
        List<Duration> cases = new ArrayList<>(List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(-1),
                Duration.ofSeconds(-1), Duration.ofSeconds(60), Duration.ofSeconds(3600), Duration.ofSeconds(-3600, 1),
                Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE),
                Duration.ofMillis(-500), Duration.ofSeconds(59, 100)));
        for (int i = 0; i < 100_000; i++) {
            long seconds = switch (r.nextInt(4)) {
                case 0 -> r.nextLong(-120, 120);
                case 1 -> r.nextLong(-100_000, 100_000);
                case 2 -> r.nextLong();
                default -> r.nextLong(-3, 3) * 3600 + r.nextLong(-2, 2) * 60;
            };
            int nanos = r.nextBoolean() ? 0 : r.nextInt(4) == 0 ? r.nextInt(10) * 100_000_000 : r.nextInt(1_000_000_000);
            cases.add(Duration.ofSeconds(seconds, nanos));
        }
        for (Duration d : cases) {
            StringBuilder b = new StringBuilder("x");
            EventText.durationText(b, d);
            assertThat(b.substring(1)).as("seed %d, %s seconds %s nanos", seed, d.getSeconds(), d.getNano())
                    .isEqualTo(d.toString());
        }
    }

    /** What a writer that knows nothing of the event types makes of them. */
    private static String reference(List<SupervisorEvent> events) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            if (events.size() > 1) {
                g.writeStartArray();
            }
            for (SupervisorEvent e : events) {
                g.writeStartObject();
                g.writeStringField("type", e.getClass().getSimpleName());
                for (RecordComponent c : e.getClass().getRecordComponents()) {
                    Object v = c.getAccessor().invoke(e);
                    g.writeFieldName(c.getName());
                    if (v instanceof Instant t) {
                        g.writeString(t.toString());
                    } else if (v instanceof Duration d) {
                        g.writeString(d.toString());
                    } else if (v instanceof Enum<?> en) {
                        g.writeString(en.name());
                    } else {
                        JSON.writeValue(g, v);
                    }
                }
                g.writeEndObject();
            }
            if (events.size() > 1) {
                g.writeEndArray();
            }
        }
        return out.toString();
    }

    private static List<Class<?>> eventTypes(Class<?> type, List<Class<?>> out) {
        if (type.isRecord()) {
            out.add(type);
        }
        if (type.getPermittedSubclasses() != null) {
            for (Class<?> c : type.getPermittedSubclasses()) {
                eventTypes(c, out);
            }
        }
        return out;
    }

    private static SupervisorEvent randomEvent(Class<?> type, SplittableRandom r) throws Exception {
        RecordComponent[] comps = type.getRecordComponents();
        Class<?>[] types = new Class<?>[comps.length];
        Object[] args = new Object[comps.length];
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            args[i] = randomValue(types[i], r);
        }
        return (SupervisorEvent) type.getDeclaredConstructor(types).newInstance(args);
    }

    private static Object randomValue(Class<?> t, SplittableRandom r) {
        boolean nullable = !t.isPrimitive() && r.nextInt(8) == 0;
        if (nullable) {
            return null;
        }
        if (t == String.class) {
            return randomString(r);
        } else if (t == int.class) {
            return r.nextInt(5) == 0 ? r.nextInt() : r.nextInt(100);
        } else if (t == double.class) {
            double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1e-300, 1e22,
                9_999_999.0, 10_000_000.0, -9_999_999.0, -10_000_000.0, 1.0, -1.0, 0.001, 1e-3 / 3};
            return switch (r.nextInt(4)) {
                case 0 -> odd[r.nextInt(odd.length)];
                case 1 -> (double) r.nextLong(-20_000_000, 20_000_000);
                default -> r.nextDouble() * Math.pow(10, r.nextInt(-5, 9));
            };
        } else if (t == Instant.class) {
            return Instant.ofEpochSecond(r.nextLong(-5_000_000_000L, 5_000_000_000L), r.nextInt(1_000_000_000));
        } else if (t == Duration.class) {
            return r.nextInt(5) == 0 ? Duration.ZERO
                    : Duration.ofSeconds(r.nextLong(-100_000, 100_000), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
        } else if (t.isEnum()) {
            Object[] values = t.getEnumConstants();
            return values[r.nextInt(values.length)];
        }
        throw new AssertionError("no random value for " + t);
    }

    private static String randomString(SplittableRandom r) {
        String alphabet = "aZ09 _-.:[]\"\\/\n\t\r\b\f\u0000\u0001\u001f\u007f\u00e9\u20ac\ud83d\ude00<>&'";
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
