package dev.supervisor.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CEL conformance cases of the shared subset: see {@code expr/cel-spec-simple.txt}. */
class CelSpecSimpleConformanceTest {
    private static final ExpressionEngine ENGINE = ExpressionEngine.ofDefaults();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = CelSpecSimpleConformanceTest.class.getResourceAsStream("/expr/cel-spec-simple.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
                    out.add(Arguments.of(Named.of("line " + (i + 1) + ": " + lines[i], lines[i])));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void evaluate_celSpecCase_matches(String line) {
        if (line.endsWith(" !! *")) {
            String expr = line.substring(0, line.length() - 5);
            assertThatThrownBy(() -> ENGINE.compile(expr).evaluate(Map.of())).isInstanceOf(ExpressionException.class);
            return;
        }
        int at = line.lastIndexOf(" ==> ");
        Object actual = ENGINE.compile(line.substring(0, at)).evaluate(Map.of());
        Object expected = ENGINE.compile(line.substring(at + 5)).evaluate(Map.of());
        assertThat(actual).isEqualTo(expected);
    }
}
