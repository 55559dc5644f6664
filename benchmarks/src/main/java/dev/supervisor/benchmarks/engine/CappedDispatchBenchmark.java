package dev.supervisor.benchmarks.engine;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
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
 * Many ready tasks behind a small concurrency cap: 20k independent no-op tasks of one type, with a type cap of 2
 * or none, on a 2-thread pool. The two should cost about the same: waiting behind a cap must not make each task
 * pay for all the others that wait.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CappedDispatchBenchmark -f 2 -wi 4 -i 6 -w 2s -r 2s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CappedDispatchBenchmark {
    @Param({"2", "none"})
    public String typeCap;

    private ExecutorService pool;
    private Supervisor supervisor;
    private WorkflowSpec workflow;

    @Setup(Level.Trial)
    public void setUp() {
        pool = Executors.newFixedThreadPool(2);
        SupervisorConfig.SupervisorConfigBuilder b = SupervisorConfig.builder().executor(pool).maxConcurrency(1_000_000)
                .retainedFinishedRuns(0).handler(LayeredDag.NOOP, ctx -> null);
        if (!typeCap.equals("none")) {
            b.typeLimit(LayeredDag.NOOP, Integer.parseInt(typeCap));
        }
        supervisor = Supervisor.create(b.build());
        WorkflowSpec.Builder w = WorkflowSpec.builder("flat");
        for (int i = 0; i < 20_000; i++) {
            w.task(TaskSpec.builder("t" + i, LayeredDag.NOOP).build());
        }
        workflow = w.build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        supervisor.close();
        pool.shutdownNow();
    }

    @Benchmark
    public RunStatus run20k() {
        RunStatus s = supervisor.submit(workflow).outcome().join().status();
        if (s != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("run failed: " + s);
        }
        return s;
    }
}
