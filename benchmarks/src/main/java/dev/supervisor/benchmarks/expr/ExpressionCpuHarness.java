package dev.supervisor.benchmarks.expr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.annotations.Param;

/**
 * The {@link ExpressionBenchmark} cases timed by thread CPU time, this language and cel-java alternating in rounds
 * of 20,000 evaluations in one JVM: on a shared machine CPU time moves far less than wall-clock throughput.
 * Prints the median nanoseconds per evaluation of 15 measured rounds each, after 15 warm-up rounds each.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.expr.ExpressionCpuHarness</pre>
 */
public final class ExpressionCpuHarness {
    private static final int PER_ROUND = 20_000;
    private static Object sink;

    private ExpressionCpuHarness() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] cases = ExpressionBenchmark.class.getField("expression").getAnnotation(Param.class).value();
        System.out.println("| case | Supervisor ns/eval | cel-java ns/eval | ratio |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (String c : cases) {
            ExpressionBenchmark b = new ExpressionBenchmark();
            b.expression = c;
            b.setUp();
            long[] ours = new long[15];
            long[] cel = new long[15];
            for (int round = -15; round < 15; round++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < PER_ROUND; i++) {
                    sink = b.supervisor();
                }
                long t1 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < PER_ROUND; i++) {
                    sink = b.celJava();
                }
                long t2 = mx.getCurrentThreadCpuTime();
                if (round >= 0) {
                    ours[round] = t1 - t0;
                    cel[round] = t2 - t1;
                }
            }
            Arrays.sort(ours);
            Arrays.sort(cel);
            double o = ours[7] / (double) PER_ROUND;
            double x = cel[7] / (double) PER_ROUND;
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.1f× |%n", c, o, x, x / o);
        }
        if (sink == null) {
            System.out.println();
        }
    }
}
