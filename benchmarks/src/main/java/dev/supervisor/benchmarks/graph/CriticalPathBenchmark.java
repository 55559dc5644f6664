package dev.supervisor.benchmarks.graph;

import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.WorkflowAnalysis;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Critical path (earliest/latest start, slack, levels, width) of 1M weighted tasks on a prebuilt graph.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CriticalPathBenchmark -f 1 -jvmArgs -Xmx8g</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class CriticalPathBenchmark {
    private TaskGraph graph;

    @Setup
    public void setUp() {
        graph = TaskGraph.of(RandomDag.build(1_000_000, 13));
    }

    @Benchmark
    public WorkflowAnalysis analyse() {
        return WorkflowAnalysis.of(graph);
    }
}
