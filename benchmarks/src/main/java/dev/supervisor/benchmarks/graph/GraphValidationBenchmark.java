package dev.supervisor.benchmarks.graph;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.WorkflowValidator;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Validate + topological order of 1M tasks / ~2M edges from a {@link WorkflowSpec}, graph construction included:
 * ours (full validation report, CSR graph, Kahn order) against jgrapht's {@code TopologicalOrderIterator} over a
 * {@code SimpleDirectedGraph} built from the same spec.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar GraphValidationBenchmark -f 1 -jvmArgs -Xmx8g</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class GraphValidationBenchmark {
    @Param({"supervisor", "jgrapht"})
    public String impl;

    private WorkflowSpec spec;

    @Setup
    public void setUp() {
        spec = RandomDag.build(1_000_000, 11);
    }

    @Benchmark
    public void validateAndSort(Blackhole bh) {
        if (impl.equals("supervisor")) {
            // The validator builds the graph in the same pass; the report hands it over.
            TaskGraph graph = WorkflowValidator.structural().validate(spec).throwIfInvalid().graph().orElseThrow();
            int[] order = graph.topologicalOrder();
            if (order == null) {
                throw new IllegalStateException("cycle");
            }
            bh.consume(order);
            return;
        }
        Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (TaskSpec t : spec.tasks()) {
            g.addVertex(t.id());
        }
        for (TaskSpec t : spec.tasks()) {
            for (Dependency d : t.dependencies()) {
                if (!g.containsEdge(d.taskId(), t.id())) {
                    g.addEdge(d.taskId(), t.id());
                }
            }
        }
        TopologicalOrderIterator<String, DefaultEdge> it = new TopologicalOrderIterator<>(g);
        while (it.hasNext()) {
            bh.consume(it.next());
        }
    }
}
