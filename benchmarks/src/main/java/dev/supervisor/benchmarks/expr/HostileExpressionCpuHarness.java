package dev.supervisor.benchmarks.expr;

import dev.supervisor.core.expr.ExpressionException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.annotations.Param;

/**
 * CPU time of each {@link HostileExpressionBenchmark} case, measured on the calling thread: unlike wall-clock
 * time it does not grow when other processes share the cores. Prints the median and the slowest of 200 refusals
 * after 200 warm-up ones.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.expr.HostileExpressionCpuHarness</pre>
 */
public final class HostileExpressionCpuHarness {
    private HostileExpressionCpuHarness() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] scenarios = HostileExpressionBenchmark.class.getField("scenario").getAnnotation(Param.class).value();
        System.out.println("| case | CPU ms, median | CPU ms, slowest |");
        System.out.println("| --- | ---: | ---: |");
        for (String scenario : scenarios) {
            HostileExpressionBenchmark b = new HostileExpressionBenchmark();
            b.scenario = scenario;
            b.setUp();
            for (int i = 0; i < 200; i++) {
                b.refuse();
            }
            long[] cpu = new long[200];
            for (int i = 0; i < cpu.length; i++) {
                long t0 = mx.getCurrentThreadCpuTime();
                if (!(b.refuse() instanceof ExpressionException)) {
                    throw new IllegalStateException(scenario + " did not end with an ExpressionException");
                }
                cpu[i] = mx.getCurrentThreadCpuTime() - t0;
            }
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", scenario, cpu[cpu.length / 2] / 1e6,
                    cpu[cpu.length - 1] / 1e6);
        }
    }
}
