package dev.supervisor.benchmarks.engine;

import com.github.dexecutor.core.DefaultDexecutor;
import com.github.dexecutor.core.DexecutorConfig;
import com.github.dexecutor.core.ExecutionConfig;
import com.github.dexecutor.core.task.Task;
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
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Supervisor versus Dexecutor 2.1.2 running the same layered DAG (100 layers, 2 random parents per task) of
 * no-op tasks on the same 2-thread pool. Graph construction is included for both: Dexecutor has no separate
 * "submit a prebuilt graph" step, and ours validates and indexes at submit.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar DexecutorComparisonBenchmark -f 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 20)
@Measurement(iterations = 10)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DexecutorComparisonBenchmark {
    @Param({"1000", "10000", "20000"})
    public int tasks;

    @Param({"supervisor", "dexecutor"})
    public String impl;

    private ExecutorService pool;
    private LayeredDag dag;
    private Supervisor supervisor;

    @Setup(Level.Trial)
    public void setUp() {
        dag = new LayeredDag(100, tasks / 100, 7);
        pool = Executors.newFixedThreadPool(2);
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
    public Object run() {
        if (impl.equals("supervisor")) {
            WorkflowSpec wf = dag.workflow();
            RunStatus s = supervisor.submit(wf).outcome().join().status();
            if (s != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("run failed: " + s);
            }
            return s;
        }
        DefaultDexecutor<Integer, Integer> dex = new DefaultDexecutor<>(new DexecutorConfig<>(pool, id ->
                new NoopTask()));
        for (int i = 0; i < dag.n; i++) {
            if (dag.parents[i].length == 0) {
                dex.addIndependent(i);
            }
            for (int p : dag.parents[i]) {
                dex.addDependency(p, i);
            }
        }
        return dex.execute(ExecutionConfig.TERMINATING);
    }

    /** Dexecutor's unit of work; serializable by its contract. */
    static final class NoopTask extends Task<Integer, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer execute() {
            return 0;
        }
    }
}
