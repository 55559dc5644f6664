package dev.supervisor.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile inputs end with a clear, positioned error: never a hang, stack overflow or exhausted heap. */
class ExpressionSafetyTest {
    private final ExpressionEngine big = ExpressionEngine.create(ExpressionConfig.builder()
            .maxSourceLength(1_000_000).build());
    private final ExpressionEngine engine = ExpressionEngine.ofDefaults();

    @Test
    void hostile_tenThousandNestedParentheses_isRejectedByDepth() {
        String src = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        assertThatThrownBy(() -> big.compile(src)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nests deeper than 100 levels");
    }

    @Test
    void hostile_tenThousandNegations_isRejectedByDepth() {
        assertThatThrownBy(() -> big.compile("!".repeat(10_000) + "true"))
                .hasMessageContaining("nests deeper than 100 levels");
    }

    @Test
    void hostile_longOperatorChain_isRejectedByTreeDepth() {
        String src = String.join(" + ", Collections.nCopies(10_000, "x"));
        assertThatThrownBy(() -> big.compile(src)).hasMessageContaining("nests deeper than");
    }

    @Test
    void constantChain_isFoldedSoItNeverBuildsADeepTree() {
        String src = String.join(" + ", Collections.nCopies(10_000, "1"));
        assertThat(big.compile(src).evaluate(Map.of())).isEqualTo(10_000L);
    }

    @Test
    void hostile_deeplyNestedLists_isRejectedByDepth() {
        assertThatThrownBy(() -> big.compile("[".repeat(5_000) + "]".repeat(5_000)))
                .hasMessageContaining("nests deeper than");
    }

    @Test
    void hostile_hugeLiteral_isRejectedBySourceLength() {
        String src = "'" + "a".repeat(1_000_000) + "'";
        assertThatThrownBy(() -> engine.compile(src)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("characters long; the limit is 4096");
    }

    @Test
    void hostile_catastrophicRegex_runsInLinearTimeWithinTheBudget() {
        Expression e = engine.compile("s.matches('^(a+)+$')");
        assertThat(e.test(Map.of("s", "a".repeat(5_000) + "!"))).isFalse();
        assertThatThrownBy(() -> e.evaluate(Map.of("s", "a".repeat(60_000) + "!")))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("cost budget of 100000 steps exceeded");
    }

    @Test
    void hostile_stringDoubling_hitsTheStringLimit() {
        String half = "x".repeat(40_000);
        assertThatThrownBy(() -> engine.compile("s + s").evaluate(Map.of("s", half)))
                .hasMessageContaining("string longer than 65536 characters");
    }

    @Test
    void hostile_quadraticMacro_hitsTheCostBudget() {
        List<Object> thousands = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            thousands.add(i);
        }
        Expression e = engine.compile("l.map(a, l.filter(b, b < a)).size() > 0");
        assertThatThrownBy(() -> e.evaluate(Map.of("l", thousands))).hasMessageContaining("cost budget");
    }

    @Test
    void hostile_listGrowth_hitsTheListLimit() {
        List<Object> l = new ArrayList<>(Collections.nCopies(6_000, 1L));
        assertThatThrownBy(() -> ExpressionEngine.create(ExpressionConfig.builder().maxCost(10_000_000).build())
                .compile("l + l").evaluate(Map.of("l", l))).hasMessageContaining("list larger than 10000 elements");
    }

    @Test
    void hostile_noReflection_classAndGetterAccessAreNotPossible() {
        assertThatThrownBy(() -> engine.compile("s.getClass()").evaluate(Map.of("s", "x")))
                .hasMessageContaining("unknown method 'getClass'");
        assertThatThrownBy(() -> engine.compile("o.name").evaluate(Map.of("o", new Object())))
                .hasMessageContaining("cannot read member 'name' of object");
    }

    /* ---- errors point at the source ---- */

    @Test
    void error_multiLineSource_reportsLineColumnAndCaret() {
        ExpressionException e = org.junit.jupiter.api.Assertions.assertThrows(ExpressionException.class,
                () -> engine.compile("a &&\n  b + nope").evaluate(Map.of("a", true, "b", 1)));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.getMessage()).isEqualTo("unknown variable 'nope' at 2:7\n    b + nope\n        ^");
    }

    /* ---- extension points ---- */

    record Build(String branch, int number) {
    }

    @Test
    void accessorsAndFunctions_areTheOnlyWayToHostData() {
        ExpressionEngine e = ExpressionEngine.create(ExpressionConfig.builder()
                .accessor(Build.class, (b, member) -> switch (member) {
                    case "branch" -> b.branch();
                    case "number" -> b.number();
                    default -> throw new IllegalArgumentException("Build has no '" + member + "'");
                })
                .function("isRelease", args -> ((String) args.get(0)).startsWith("release/"))
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build());
        Map<String, Object> vars = Map.of("build", new Build("release/1.2", 7));
        assertThat(e.compile("isRelease(build.branch) && build.number > 5").test(vars)).isTrue();
        assertThatThrownBy(() -> e.compile("build.secret").evaluate(vars))
                .hasMessageContaining("Build has no 'secret'");
    }

    @Test
    void compile_sameSource_isCachedAndThreadSafeToShare() {
        assertThat(engine.compile("1 + 1")).isSameAs(engine.compile("1 + 1"));
    }

    @Test
    void test_nonBooleanResult_isATypedError() {
        assertThatThrownBy(() -> engine.compile("1 + 1").test(Map.of())).hasMessageContaining("expected a bool");
    }

    /* ---- origin forms ---- */

    @Test
    void originForms_translateIntoEquivalentExpressions() {
        ExpressionEngine e = ExpressionEngine.create(ExpressionConfig.builder()
                .clock(Clock.fixed(Instant.parse("2026-03-04T10:30:00Z"), ZoneOffset.UTC))
                .function("between", args -> ((Number) args.get(0)).doubleValue() >= ((Number) args.get(1))
                        .doubleValue() && ((Number) args.get(0)).doubleValue() <= ((Number) args.get(2)).doubleValue())
                .build());
        Map<String, Object> vars = Map.of("inputs", Map.of("retries", 3, "x", 10, "flag", true, "env", "prod"),
                "tasks", Map.of("build", Map.of("status", "SUCCEEDED")));
        assertThat(OriginConditions.translate("simple_comparison", "retries >= 3")).isEqualTo("inputs.retries >= 3");
        assertThat(e.compile(OriginConditions.translate("simple_comparison", "env == 'prod'")).test(vars)).isTrue();
        assertThat(e.compile(OriginConditions.translate("task_status", "build:succeeded")).test(vars)).isTrue();
        assertThat(e.compile(OriginConditions.translate("context_value", "has:flag")).test(vars)).isTrue();
        assertThat(e.compile(OriginConditions.translate("context_value", "is_true:flag")).test(vars)).isTrue();
        assertThat(e.compile(OriginConditions.translate("context_value", "missing")).test(vars)).isFalse();
        assertThat(e.compile(OriginConditions.translate("time_based", "after:2026-03-04T10:00:00Z")).test(vars))
                .isTrue();
        assertThat(e.compile(OriginConditions.translate("time_based", "before:2026-03-04T10:00:00+01:00"))
                .test(vars)).isFalse();
        assertThat(e.compile(OriginConditions.translate("time_based", "weekday:2")).test(vars)).isTrue();
        assertThat(e.compile(OriginConditions.translate("time_based", "hour:10")).test(vars)).isTrue();
        assertThat(e.compile(OriginConditions.translate("custom_function", "between(x, 1, 20)")).test(vars)).isTrue();
        assertThatThrownBy(() -> OriginConditions.translate("task_status", "nocolon"))
                .hasMessageContaining("taskId:STATUS");
    }
}
