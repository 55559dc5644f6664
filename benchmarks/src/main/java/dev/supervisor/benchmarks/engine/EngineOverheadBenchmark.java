package dev.supervisor.benchmarks.engine;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * No-op task overhead on a 100k-task layered DAG (100 layers × 1,000, 2 random parents each): the engine versus
 * a bare Kahn loop on the same 2-thread executor. Divide the score by 100,000 for the per-task cost.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EngineOverheadBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineOverheadBenchmark {
    @Param({"supervisor", "kahn"})
    public String impl;

    private ExecutorService pool;
    private Supervisor supervisor;
    private WorkflowSpec workflow;
    private KahnBaseline kahn;

    @Setup(Level.Trial)
    public void setUp() {
        LayeredDag dag = new LayeredDag(100, 1000, 42);
        pool = Executors.newFixedThreadPool(2);
        workflow = dag.workflow();
        kahn = new KahnBaseline(dag);
        supervisor = Supervisor.create(SupervisorConfig.builder().executor(pool).maxConcurrency(1_000_000)
                .retainedFinishedRuns(0)
                .handler(LayeredDag.NOOP, ctx -> null).build());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        supervisor.close();
        pool.shutdownNow();
    }

    @Benchmark
    public Object run100k() throws InterruptedException {
        if (impl.equals("kahn")) {
            kahn.run(pool);
            return null;
        }
        RunOutcome out = supervisor.submit(workflow).outcome().join();
        if (out.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("run failed: " + out.status());
        }
        return out;
    }
}
