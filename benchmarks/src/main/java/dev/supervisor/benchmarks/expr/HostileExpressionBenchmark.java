package dev.supervisor.benchmarks.expr;

import dev.supervisor.core.expr.ExpressionConfig;
import dev.supervisor.core.expr.ExpressionEngine;
import dev.supervisor.core.expr.ExpressionException;
import java.util.ArrayList;
import java.util.Collections;
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
 * How long each hostile input takes to be refused (compile + evaluate, cache off so every call compiles). The
 * engine allows 1M-character sources so the depth limits are what stops the nesting cases; the 10M-character
 * literal meets the default engine's source-length limit.
 * Goal: each case ends with an {@link ExpressionException} within 10 ms.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar HostileExpressionBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HostileExpressionBenchmark {
    @Param({"deepParens", "deepNegation", "longChain", "hugeLiteral", "catastrophicRegex", "stringDoubling",
        "quadraticMacro"})
    public String scenario;

    private ExpressionEngine engine;
    private final ExpressionEngine defaults = ExpressionEngine.create(ExpressionConfig.builder().cacheSize(0).build());
    private String source;
    private Map<String, Object> variables;

    @Setup
    public void setUp() {
        engine = ExpressionEngine.create(ExpressionConfig.builder().maxSourceLength(1_000_000).cacheSize(0).build());
        List<Object> numbers = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            numbers.add(i);
        }
        variables = Map.of("s", "a".repeat(5_000) + "!", "half", "x".repeat(40_000), "l", numbers, "x", 1);
        source = switch (scenario) {
            case "deepParens" -> "(".repeat(10_000) + "1" + ")".repeat(10_000);
            case "deepNegation" -> "!".repeat(10_000) + "true";
            case "longChain" -> String.join(" + ", Collections.nCopies(10_000, "x"));
            case "hugeLiteral" -> "'" + "a".repeat(10_000_000) + "' == ''";
            case "catastrophicRegex" -> "s.matches('^(a+)+$')";
            case "stringDoubling" -> "half + half";
            default -> "l.map(a, l.filter(b, b < a)).size() > 0";
        };
    }

    @Benchmark
    public Object refuse() {
        try {
            ExpressionEngine e = scenario.equals("hugeLiteral") ? defaults : engine;
            return e.compile(source).evaluate(variables);
        } catch (ExpressionException e) {
            return e;
        }
    }
}
