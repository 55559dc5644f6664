package dev.supervisor.benchmarks.expr;

import dev.cel.common.CelOptions;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.supervisor.core.expr.Expression;
import dev.supervisor.core.expr.ExpressionEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluations per second of compiled conditions, one thread, this language and Google's cel-java side by side on
 * the same source and the same map input. {@code condition} is a 20-node boolean condition (6 variable or member
 * reads, 5 literals, 5 comparisons, 3 logical operators, 1 negation); {@code macro} a list macro with string
 * methods; {@code arithmetic} integer arithmetic and a comparison.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ExpressionBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExpressionBenchmark {
    static final Map<String, String> SOURCES = Map.of(
            "condition", "inputs.count > 2 && inputs.branch == 'main' && (build.status == 'SUCCEEDED'"
                    + " || build.attempts < 3) && !inputs.draft",
            "macro", "inputs.tags.exists(t, t.startsWith('prod')) && inputs.tags.all(t, size(t) < 16)",
            "arithmetic", "(inputs.count * 7 + build.attempts * 3) % 5 == 4 && inputs.count - 1 < 10");

    @Param({"condition", "macro", "arithmetic"})
    public String expression;

    private Expression ours;
    private CelRuntime.Program cel;
    private Map<String, Object> variables;

    @Setup
    public void setUp() throws Exception {
        String source = SOURCES.get(expression);
        variables = Map.of("inputs", Map.of("count", 3L, "branch", "main", "draft", false,
                "tags", List.of("dev-eu", "staging", "prod-us")), "build", Map.of("status", "FAILED", "attempts", 1L));
        ours = ExpressionEngine.ofDefaults().compile(source);
        CelOptions options = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
        CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder().setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("inputs", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .addVar("build", MapType.create(SimpleType.STRING, SimpleType.DYN)).build();
        cel = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(options).build()
                .createProgram(compiler.compile(source).getAst());
        if (!ours.test(variables) || !Boolean.TRUE.equals(cel.eval(variables))) {
            throw new IllegalStateException("benchmark expression must be true for both: " + source);
        }
    }

    @Benchmark
    public boolean supervisor() {
        return ours.test(variables);
    }

    @Benchmark
    public Object celJava() throws Exception {
        return cel.eval(variables);
    }
}
