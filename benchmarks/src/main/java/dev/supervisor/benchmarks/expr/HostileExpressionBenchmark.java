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
 * How long each hostile input takes to be refused (compile + evaluate, cache off so every call compiles). Most
 * cases run under the default limits; the nesting cases allow 1M-character sources so the depth limit is what
 * stops them, and {@code maxDepthNesting} uses the deepest nesting the configuration accepts. Every case must end
 * with an {@link ExpressionException} (checked in setup); goal: within 10 ms each.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar HostileExpressionBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HostileExpressionBenchmark {
    @Param({"deepParens", "deepNegation", "longChain", "maxDepthNesting", "hugeLiteral", "catastrophicRegex",
        "stringDoubling", "quadraticMacro", "unmeteredStringOps", "zeroWidthRegexLoop", "nestedZeroWidthRegex",
        "zeroWidthLoopOverInput", "runtimeBuiltPattern", "foldingBudget", "hugeMessage", "controlCharacters",
        "surrogateSplit", "nonAsciiDigits", "hostMapIntegerKeys", "throwingHostFunction"})
    public String scenario;

    private ExpressionEngine engine;
    private String source;
    private Map<String, Object> variables;

    @Setup
    public void setUp() {
        ExpressionConfig.Builder config = ExpressionConfig.builder().cacheSize(0)
                .function("boom", args -> {
                    throw new IllegalStateException("host failure");
                });
        List<Object> numbers = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            numbers.add(i);
        }
        String big = "a".repeat(60_000);
        variables = Map.of("s", "a".repeat(60_000) + "!", "half", "x".repeat(40_000), "l", numbers, "x", 1,
                "big", big, "needle", "a".repeat(30_000) + "b", "p", "a".repeat(60_000),
                "m", Map.of(), "k", "\u001b[2J\r\n\u202e" + "\uD83D\uDE00".repeat(30_000), "im", Map.of(1, "x"));
        source = switch (scenario) {
            case "deepParens" -> "(".repeat(10_000) + "1" + ")".repeat(10_000);
            case "deepNegation" -> "!".repeat(10_000) + "true";
            case "longChain" -> String.join(" + ", Collections.nCopies(10_000, "x"));
            case "maxDepthNesting" -> "[".repeat(ExpressionConfig.MAX_DEPTH + 1) + "]".repeat(
                    ExpressionConfig.MAX_DEPTH + 1);
            case "hugeLiteral" -> "'" + "a".repeat(10_000_000) + "' == ''";
            case "catastrophicRegex" -> "s.matches('^(a+)+$')";
            case "stringDoubling" -> "half + half";
            case "quadraticMacro" -> "l.map(a, l.filter(b, b < a)).size() > 0";
            case "unmeteredStringOps" -> "l.all(i, big.contains(needle) || big.startsWith(big + 'x')"
                    + " || big < big + '' || size(big) < 0 || double(p) < 0.0)";
            case "zeroWidthRegexLoop" -> "'abc'.matches('(?:^){2147483647}')";
            case "nestedZeroWidthRegex" -> "'abc'.matches('(?:(?:^){100000}){100000}')";
            case "zeroWidthLoopOverInput" -> "s.matches('(?:|^|$|\\\\b){500}z')";
            case "runtimeBuiltPattern" -> "'x'.matches(p)";
            case "foldingBudget" -> "[" + String.join(", ", Collections.nCopies(300,
                    "'aaaaaaaaaaaaaaaa'.matches('a{1000}b{1000}')")) + "]";
            case "hugeMessage" -> "m[big]";
            case "controlCharacters", "surrogateSplit" -> "m[k]";
            case "nonAsciiDigits" -> "\u0661\u0662\u0663 + 1";
            case "hostMapIntegerKeys" -> "im.k";
            default -> "boom()";
        };
        if (scenario.startsWith("deep") || scenario.equals("longChain") || scenario.equals("maxDepthNesting")) {
            config.maxSourceLength(1_000_000).maxDepth(ExpressionConfig.MAX_DEPTH);
        } else if (scenario.equals("foldingBudget")) {
            config.maxSourceLength(20_000);
        }
        engine = ExpressionEngine.create(config.build());
        if (!(refuse() instanceof ExpressionException)) {
            throw new IllegalStateException(scenario + " must end with an ExpressionException");
        }
    }

    @Benchmark
    public Object refuse() {
        try {
            return engine.compile(source).evaluate(variables);
        } catch (ExpressionException e) {
            return e;
        }
    }
}
