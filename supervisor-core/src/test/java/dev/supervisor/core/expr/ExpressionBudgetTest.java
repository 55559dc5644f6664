package dev.supervisor.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation is charged by the size of what it touches, regular expressions are bounded when compiled,
 * constant folding shares one budget, and no nesting the configuration allows overflows the stack.
 */
class ExpressionBudgetTest {
    private static final String LONG = "a".repeat(60_000);
    private static final String NEEDLE = "a".repeat(30_000) + "b";

    private final ExpressionEngine small = ExpressionEngine.create(ExpressionConfig.builder().maxCost(1_000).build());

    /* ---- operations cost what they touch ---- */

    @ParameterizedTest
    @ValueSource(strings = {"s.contains(t)", "s.startsWith(s)", "s.endsWith(s)", "s < s + 'b'", "s == s + ''",
        "size(s) > 0", "double(d) > 0.0", "int(i) > 0", "s.matches('b')", "s + 'b'", "string(s) == s",
        "s[59999] == 'a'", "[s] == [s]", "{'k': s} == {'k': s}", "s in [s]"})
    void evaluate_stringOperation_isChargedByLength(String source) {
        Map<String, Object> vars = Map.of("s", LONG, "t", NEEDLE, "d", "1" + "0".repeat(59_999),
                "i", "0".repeat(59_999) + "1");
        assertThatThrownBy(() -> small.compile(source).evaluate(vars)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("cost budget of 1000 steps exceeded");
    }

    @Test
    void evaluate_shortStrings_stayCheap() {
        assertThat(small.compile("s.contains('b') && s.startsWith('a') && size(s) == 3 && s.matches('^a.c$')")
                .test(Map.of("s", "abc"))).isTrue();
    }

    /* ---- regular expressions ---- */

    @ParameterizedTest
    @ValueSource(strings = {"(?:^){2147483647}", "a{1001}", "(?:(?:^){1000}){1000}", "(a{100}){200}",
        "(?:a{0,1000}){0,1000}"})
    void compile_regexRepetitionTooLarge_isRefused(String re) {
        assertThatThrownBy(() -> ExpressionEngine.ofDefaults().compile("'abc'.matches('" + re + "')"))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("regular expression");
    }

    @Test
    void evaluate_regexBuiltAtRunTime_isBoundedBeforeCompiling() {
        Expression e = ExpressionEngine.ofDefaults().compile("'x'.matches(p)");
        assertThatThrownBy(() -> e.evaluate(Map.of("p", "a".repeat(60_000))))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("regular expression");
        assertThatThrownBy(() -> e.evaluate(Map.of("p", "(?:^){100000}")))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("regular expression");
    }

    @Test
    void evaluate_zeroWidthLoopOverLongInput_endsWithinTheBudget() {
        Expression e = ExpressionEngine.ofDefaults().compile("s.matches('(?:|^|$|\\\\b){500}z')");
        assertThatThrownBy(() -> e.evaluate(Map.of("s", LONG))).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("cost budget");
    }

    @Test
    void evaluate_catastrophicBacktrackingPattern_isLinear() {
        String evil = "a".repeat(2_000) + "!";
        assertThat(ExpressionEngine.ofDefaults().compile("s.matches('^(a+)+$')").test(Map.of("s", evil))).isFalse();
    }

    /* ---- constant folding ---- */

    @Test
    void compile_constantFolding_sharesOneBudget() {
        // 2,000 constant calls of 3 steps each: folded one by one with fresh budgets they would all fold and the
        // evaluation would cost 2,001 steps; with one shared budget of 3,000 half stay unfolded and cost 3 each.
        String src = "[" + String.join(", ", Collections.nCopies(2_000, "size('abcdefgh')")) + "]";
        ExpressionEngine engine = ExpressionEngine.create(ExpressionConfig.builder().maxCost(3_000)
                .maxSourceLength(100_000).build());
        assertThatThrownBy(() -> engine.compile(src).evaluate(Map.of())).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("cost budget of 3000 steps exceeded");
    }

    @Test
    void compile_constantFoldingWithinBudget_foldsToOneValue() {
        String src = String.join(" + ", Collections.nCopies(100, "size('abcdefgh')"));
        ExpressionEngine engine = ExpressionEngine.create(ExpressionConfig.builder().maxCost(1_000).build());
        assertThat(engine.compile(src).evaluate(Map.of())).isEqualTo(800L);
    }

    /* ---- depth ---- */

    @Test
    void maxDepth_beyondWhatTheParserSurvives_isRefused() {
        assertThatThrownBy(() -> ExpressionConfig.builder().maxDepth(ExpressionConfig.MAX_DEPTH + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "!", "-", "[", "{'k': ", "x.map(v, ", "size(", "true ? 1 : ", "a[", "1 + ("})
    void compile_deepestAllowedNesting_neverOverflowsADefaultStack(String open) throws InterruptedException {
        ExpressionEngine engine = ExpressionEngine.create(ExpressionConfig.builder().maxSourceLength(1_000_000)
                .maxDepth(ExpressionConfig.MAX_DEPTH).build());
        String src = open.repeat(ExpressionConfig.MAX_DEPTH + 5) + "1";
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        // A fresh thread has the JVM's default stack size, as a worker thread of the engine would.
        Thread t = new Thread(() -> {
            try {
                engine.compile(src);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        t.join();
        assertThat(thrown.get()).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nests deeper than " + ExpressionConfig.MAX_DEPTH + " levels");
    }

    @Test
    void evaluate_deeplyNestedHostData_isAnExpressionException() {
        Object deep = "leaf";
        for (int i = 0; i < 200_000; i++) {
            deep = java.util.List.of(deep);
        }
        Map<String, Object> vars = Map.of("a", deep, "b", deep);
        ExpressionEngine engine = ExpressionEngine.create(ExpressionConfig.builder().maxCost(100_000_000).build());
        assertThatThrownBy(() -> engine.compile("a == b").evaluate(vars)).isInstanceOf(ExpressionException.class);
    }
}
