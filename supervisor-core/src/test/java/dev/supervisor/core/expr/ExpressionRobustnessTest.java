package dev.supervisor.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every failure is an {@link ExpressionException} whose message is one clean, bounded line of reason plus the
 * position; host types are resolved deterministically; the source is ASCII outside string literals.
 */
class ExpressionRobustnessTest {
    private final ExpressionEngine engine = ExpressionEngine.ofDefaults();

    /* ---- host failures ---- */

    @Test
    void evaluate_hostMapWithIntegerKeys_comparesWithoutClassCastException() {
        Map<String, Object> vars = Map.of("a", Map.of(1, "x"), "b", Map.of(1, "x"), "t", new TreeMap<>(Map.of(1, "x")));
        assertThat(engine.compile("a == b").test(vars)).isTrue();
        assertThatThrownBy(() -> engine.compile("t.k").evaluate(vars)).isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> engine.compile("t['k']").evaluate(vars)).isInstanceOf(ExpressionException.class);
        assertThat(engine.compile("'k' in t || 1 in t && !(2 in t)").test(vars)).isTrue();
    }

    @Test
    void evaluate_hostFunctionThrowingAnything_isAnExpressionException() {
        ExpressionEngine e = ExpressionEngine.create(ExpressionConfig.builder()
                .function("boom", args -> {
                    throw new IllegalStateException("internal state of com.example.Secret");
                })
                .function("npe", args -> ((String) args.get(0)).length())
                .accessor(Secret.class, (s, m) -> {
                    throw new UnsupportedOperationException("nope");
                }).build());
        assertThatThrownBy(() -> e.compile("boom()").evaluate(Map.of())).isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("boom() failed").hasMessageNotContaining("com.example")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> e.compile("npe(null)").evaluate(Map.of())).isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> e.compile("s.k").evaluate(Map.of("s", new Secret())))
                .isInstanceOf(ExpressionException.class);
    }

    /* ---- accessors ---- */

    interface Named {
    }

    interface Versioned {
    }

    static class Base implements Named {
    }

    static class Secret extends Base implements Versioned {
    }

    @Test
    void accessor_mostSpecificTypeWins_whateverTheRegistrationOrder() {
        for (boolean subFirst : new boolean[] {true, false}) {
            ExpressionConfig.Builder b = ExpressionConfig.builder();
            if (subFirst) {
                b.accessor(Secret.class, (s, m) -> "sub").accessor(Base.class, (s, m) -> "base")
                        .accessor(Object.class, (s, m) -> "object");
            } else {
                b.accessor(Object.class, (s, m) -> "object").accessor(Base.class, (s, m) -> "base")
                        .accessor(Secret.class, (s, m) -> "sub");
            }
            ExpressionEngine e = ExpressionEngine.create(b.build());
            assertThat(e.compile("o.x").evaluate(Map.of("o", new Secret()))).isEqualTo("sub");
            assertThat(e.compile("o.x").evaluate(Map.of("o", new Base()))).isEqualTo("base");
            assertThat(e.compile("o.x").evaluate(Map.of("o", new StringBuilder())))
                    .isEqualTo("object");
        }
    }

    @Test
    void accessor_twoTypesOneObjectMayHave_isRefusedAtConfiguration() {
        ExpressionConfig.Builder b = ExpressionConfig.builder().accessor(Named.class, (s, m) -> "named")
                .accessor(Versioned.class, (s, m) -> "versioned");
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Named").hasMessageContaining("Versioned");
    }

    /* ---- messages ---- */

    @ParameterizedTest
    @ValueSource(strings = {"m['\\u001b[31mred\\r\\nFAKE LOG LINE\\u0085\\u2028\\u202e\\u009b']",
        "int('\\u001b[2J\\r\\n')", "m[k]", "boom(k)", "unknown\u001b\u2028 + 1", "'abc\u202e' + 1"})
    void message_controlFormatAndSeparatorCharacters_areCleanedEverywhere(String source) {
        ExpressionEngine e = ExpressionEngine.create(ExpressionConfig.builder().function("boom", args -> {
            throw new IllegalArgumentException("bad\r\n2026-01-01 INFO forged \u001b[0m" + args.get(0));
        }).build());
        Map<String, Object> vars = Map.of("m", Map.of(), "k", "\u001b]0;title\u0007\n\u2029\u200f");
        ExpressionException ex = org.junit.jupiter.api.Assertions.assertThrows(ExpressionException.class,
                () -> e.compile(source).evaluate(vars));
        assertClean(ex.reason());
        String[] lines = ex.getMessage().split("\n", -1);
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            assertClean(line);
        }
    }

    @Test
    void message_hugeRuntimeData_isCappedWithoutSplittingASurrogatePair() {
        String key = "x" + "\uD83D\uDE00".repeat(40_000);
        ExpressionException ex = org.junit.jupiter.api.Assertions.assertThrows(ExpressionException.class,
                () -> engine.compile("m[k]").evaluate(Map.of("m", Map.of(), "k", key)));
        assertThat(ex.getMessage().length()).isLessThan(1_000);
        assertClean(ex.getMessage().replace('\n', ' '));
        ExpressionException other = org.junit.jupiter.api.Assertions.assertThrows(ExpressionException.class,
                () -> engine.compile("m[k]").evaluate(Map.of("m", Map.of(), "k", key.substring(1))));
        assertClean(other.getMessage().replace('\n', ' '));
    }

    @Test
    void message_longSourceLine_isCutAroundTheCaretWhichStaysUnderTheError() {
        String src = "['" + "a".repeat(300) + "', " + "1, ".repeat(20_000) + "nope]";
        ExpressionEngine e = ExpressionEngine.create(ExpressionConfig.builder().maxSourceLength(1_000_000).build());
        ExpressionException ex = org.junit.jupiter.api.Assertions.assertThrows(ExpressionException.class,
                () -> e.compile(src).evaluate(Map.of()));
        String[] lines = ex.getMessage().split("\n");
        assertThat(lines[1]).startsWith("  \u2026").hasSizeLessThan(90);
        assertThat(lines[1].substring(lines[2].indexOf('^'))).startsWith("nope");
    }

    private static void assertClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            assertThat(type).as("character U+%04X at %d of %s", (int) c, i, s)
                    .isNotIn((int) Character.CONTROL, (int) Character.FORMAT, (int) Character.LINE_SEPARATOR,
                            (int) Character.PARAGRAPH_SEPARATOR);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))).as("pair at %d", i)
                        .isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
            }
        }
    }

    @Test
    void message_hostObjectWithoutAccessor_doesNotNameItsClass() {
        assertThatThrownBy(() -> engine.compile("o.name").evaluate(Map.of("o", new Secret())))
                .isInstanceOf(ExpressionException.class).hasMessageNotContaining("Secret");
        assertThatThrownBy(() -> engine.compile("o + 1").evaluate(Map.of("o", new Secret())))
                .isInstanceOf(ExpressionException.class).hasMessageNotContaining("Secret");
    }

    /* ---- source text ---- */

    @ParameterizedTest
    @ValueSource(strings = {"\u0661\u0662\u0663 + 1", "caf\u00e9 == 1", "1\u00a0+ 1", "1 +\u2003 1", "x\u200b == 1",
        "\uff11 + 1", "1 \u2028+ 1"})
    void compile_nonAsciiOutsideStringLiterals_isRefused(String source) {
        assertThatThrownBy(() -> engine.compile(source)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("U+");
    }

    @Test
    void compile_nonAsciiInsideStringLiterals_isKept() {
        assertThat(engine.compile("'\u0661\u0662\u0663 caf\u00e9 \uD83D\uDE00'.size()").evaluate(Map.of()))
                .isEqualTo(10L);
    }

    @Test
    void matches_dollar_isTheEndOfTheTextAsInRe2() {
        assertThat(engine.compile("'ab\\n'.matches('b$')").test(Map.of())).isFalse();
        assertThat(engine.compile("'ab\\n'.matches('b\\\\n$')").test(Map.of())).isTrue();
        assertThat(engine.compile("'ab\\ncd'.matches('(?m)b$')").test(Map.of())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"size", "has", "in", "int", "matches", "exists", "map", "true", "null", "now",
        "contains"})
    void function_namedLikeABuiltIn_isRefused(String name) {
        assertThatThrownBy(() -> ExpressionConfig.builder().function(name, args -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }

    @Test
    void compile_hexPrefixWithoutDigits_saysSo() {
        assertThatThrownBy(() -> engine.compile("0x")).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("hexadecimal literal needs digits");
        assertThatThrownBy(() -> engine.compile("0xG1")).hasMessageContaining("hexadecimal literal needs digits");
    }
}
