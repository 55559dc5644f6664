package dev.supervisor.benchmarks.expr;

import dev.supervisor.core.expr.Expression;
import dev.supervisor.core.expr.ExpressionEngine;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluations per second of a compiled 20-node boolean condition over map input, one thread.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ExpressionBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExpressionBenchmark {
    /** 20 nodes: 6 variable/member reads, 5 literals, 5 comparisons, 3 logical operators, 1 negation. */
    static final String SOURCE = "inputs.count > 2 && inputs.branch == 'main' && (build.status == 'SUCCEEDED'"
            + " || build.attempts < 3) && !inputs.draft";

    private Expression expression;
    private Map<String, Object> variables;

    @Setup
    public void setUp() {
        expression = ExpressionEngine.ofDefaults().compile(SOURCE);
        variables = Map.of("inputs", Map.of("count", 3, "branch", "main", "draft", false),
                "build", Map.of("status", "FAILED", "attempts", 1));
        if (!expression.test(variables)) {
            throw new IllegalStateException("benchmark expression must be true");
        }
    }

    @Benchmark
    public boolean evaluate() {
        return expression.test(variables);
    }
}
