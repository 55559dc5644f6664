package dev.supervisor.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven conformance suite: see {@code expr/conformance.txt}. */
class ExpressionConformanceTest {
    private static final ExpressionEngine ENGINE = ExpressionEngine.create(ExpressionConfig.builder()
            .clock(Clock.fixed(Instant.parse("2026-03-04T10:30:00Z"), ZoneOffset.UTC)).build());
    private static final Map<String, Object> VARS = variables();

    private static Map<String, Object> variables() {
        Map<String, Object> v = new HashMap<>();
        v.put("x", 5);
        v.put("y", 2.5);
        v.put("s", "hello");
        v.put("b", true);
        v.put("n", null);
        v.put("list", List.of(1, 2, 3));
        v.put("m", Map.of("a", 1, "b", Map.of("c", "deep")));
        Map<String, Object> build = new HashMap<>(Map.of("status", "SUCCEEDED", "output", Map.of("score", 7),
                "attempts", 2));
        build.put("error", null);
        v.put("tasks", Map.of("build", build));
        v.put("inputs", Map.of("branch", "main", "count", 3));
        try {
            v.put("j", new ObjectMapper().readTree("{\"k\":[1,{\"z\":true}],\"name\":\"node\"}"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return v;
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = ExpressionConformanceTest.class.getResourceAsStream("/expr/conformance.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(Arguments.of(Named.of("line " + (i + 1) + ": " + line, line)));
            }
        }
        return out.stream();
    }

    @Test
    void suite_hasAtLeast200Cases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void evaluate_case_matchesExpectation(String line) {
        int ok = line.lastIndexOf(" ==> ");
        int err = line.lastIndexOf(" !! ");
        if (err > ok) {
            String expr = line.substring(0, err);
            String message = line.substring(err + 4);
            assertThatThrownBy(() -> ENGINE.compile(expr).evaluate(VARS)).isInstanceOf(ExpressionException.class)
                    .hasMessageContaining(message).hasMessageContaining(" at ").hasMessageContaining("^");
            return;
        }
        String expr = line.substring(0, ok);
        String expected = line.substring(ok + 5);
        Object actual = ENGINE.compile(expr).evaluate(VARS);
        Object want = ENGINE.compile(expected).evaluate(VARS);
        assertThat(typeOf(actual)).as("type of %s", expr).isEqualTo(typeOf(want));
        assertThat(ENGINE.compile("a == b").test(pair(actual, want))).as("%s = %s, expected %s", expr, actual, want)
                .isTrue();
    }

    private static Map<String, Object> pair(Object a, Object b) {
        Map<String, Object> m = new HashMap<>();
        m.put("a", a);
        m.put("b", b);
        return m;
    }

    private static String typeOf(Object v) {
        return v == null ? "null" : v instanceof List ? "list" : v instanceof Map ? "map" : v.getClass().getName();
    }
}
