package dev.supervisor.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Differential test against Google's cel-java over seeded random expressions of the shared subset: both must give
 * the same value, or both an error.
 *
 * <p>The shared subset (what {@link CelSubsetGenerator} produces) is CEL as type-checked with variables
 * {@code x: int, y: double, s: string, l: list(int), m: map(string, int)}: int, double, bool, string and list
 * literals; arithmetic within one numeric type ({@code %} on ints only); comparisons, including int with double;
 * {@code == != && || ! ?: in}; {@code size int double string startsWith endsWith contains matches} with simple
 * patterns; {@code exists all map filter} and {@code has()} on the map; indexing lists and maps. Left out, as
 * documented differences or extensions: arithmetic mixing int and double (refused by CEL's checker, allowed
 * here); text conversions with spaces, Java suffixes or non-ASCII digits ({@code int(' 7')}, {@code double('1d')},
 * accepted by cel-java's use of the JDK parsers, refused by the CEL spec's grammar and here); ordering an int
 * against NaN, -0.0 or a double beyond 2^53 (cel-java 0.14 puts NaN above every number, -0.0 below 0 and rounds
 * the int; the CEL spec and this language make every comparison with NaN false, -0.0 equal to 0 and compare
 * exactly, as cel-java itself does between two doubles); ordering strings that mix characters above U+FFFF
 * with U+E000..U+FFFF (cel-java compares UTF-16 units, the spec and this language code points); uint, bytes,
 * timestamps and durations.
 */
class ExpressionCelDifferentialTest {
    private static final int CASES = Integer.getInteger("expr.cases", 1_000);

    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true)
            .build();
    private static final CelCompiler CEL = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("x", SimpleType.INT).addVar("y", SimpleType.DOUBLE).addVar("s", SimpleType.STRING)
            .addVar("l", ListType.create(SimpleType.INT)).addVar("m", MapType.create(SimpleType.STRING, SimpleType.INT))
            .build();
    private static final CelRuntime CEL_RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS)
            .build();
    private static final Map<String, Object> VARS = Map.of("x", 7L, "y", 2.5, "s", "h\u00e9llo", "l",
            List.of(3L, 0L, -2L), "m", Map.of("a", 1L, "b", 0L));

    private final ExpressionEngine engine = ExpressionEngine.ofDefaults();

    @Test
    void randomExpressions_agreeWithCelJava() throws Exception {
        long seed = Long.getLong("expr.seed", System.nanoTime());
        System.out.println("ExpressionCelDifferentialTest seed=" + seed + " (rerun with -Dexpr.seed=" + seed + ")");
        CelSubsetGenerator gen = new CelSubsetGenerator(new SplittableRandom(seed));
        List<String> disagreements = new ArrayList<>();
        int errors = 0;
        for (int i = 0; i < CASES; i++) {
            String src = gen.next();
            Outcome theirs = cel(src);
            Outcome ours = ours(src);
            errors += theirs.error ? 1 : 0;
            if (!theirs.sameAs(ours)) {
                disagreements.add(src + "\n    cel-java: " + theirs + "\n    ours:     " + ours);
            }
        }
        assertThat(disagreements).as("seed %d", seed).isEmpty();
        assertThat(errors).as("some cases must exercise errors").isBetween(CASES / 50, CASES / 2);
    }

    @Test
    void generator_producesWellTypedCel() throws Exception {
        CelSubsetGenerator gen = new CelSubsetGenerator(new SplittableRandom(42));
        for (int i = 0; i < 200; i++) {
            String src = gen.next();
            assertThat(CEL.compile(src).getAst()).as(src).isNotNull();
        }
    }

    private static Outcome cel(String src) throws Exception {
        CelAbstractSyntaxTree ast = CEL.compile(src).getAst(); // ill-typed: a generator bug, let it fail
        try {
            return new Outcome(false, CEL_RUNTIME.createProgram(ast).eval(VARS));
        } catch (CelEvaluationException e) {
            return new Outcome(true, e.getMessage());
        }
    }

    private Outcome ours(String src) {
        try {
            return new Outcome(false, engine.compile(src).evaluate(VARS));
        } catch (ExpressionException e) {
            return new Outcome(true, e.reason());
        }
    }

    private record Outcome(boolean error, Object value) {
        boolean sameAs(Outcome o) {
            return error ? o.error : !o.error && same(value, o.value);
        }

        private static boolean same(Object a, Object b) {
            if (a instanceof Double x && b instanceof Double y) {
                return x.equals(y) || x.doubleValue() == y.doubleValue(); // NaN matches NaN; -0.0 matches 0.0
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!same(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return a == null ? b == null : a.equals(b);
        }
    }
}
