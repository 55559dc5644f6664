package dev.supervisor.benchmarks.provider;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The decisions of {@link RouteDecisionBenchmark} timed by the thread's CPU time instead of wall time: on a shared
 * machine at high load, wall time mostly measures waiting for a core.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.provider.RouteDecisionCpuTime</pre>
 */
public final class RouteDecisionCpuTime {
    private RouteDecisionCpuTime() {
    }

    /** @param args none */
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        StringBuilder out = new StringBuilder();
        for (String strategy : new String[] {"PRIORITY", "LEAST_LOADED", "CHEAPEST"}) {
            RouteDecisionBenchmark b = new RouteDecisionBenchmark();
            b.strategy = strategy;
            b.setUp();
            for (int round = 0; round < 4; round++) {
                long n = 2_000_000;
                int sink = 0;
                long c0 = mx.getCurrentThreadCpuTime();
                for (long i = 0; i < n; i++) {
                    sink += b.supervisor().length();
                }
                long c1 = mx.getCurrentThreadCpuTime();
                for (long i = 0; i < n; i++) {
                    sink += b.streams().length();
                }
                long c2 = mx.getCurrentThreadCpuTime();
                if (round > 0) {
                    out.append(String.format("%-12s round %d: supervisor %4.0f ns, streams %4.0f ns CPU per decision,"
                            + " ratio %.2f (%d)%n", strategy, round, (c1 - c0) / (double) n, (c2 - c1) / (double) n,
                            (c1 - c0) / (double) (c2 - c1), sink % 10));
                }
            }
        }
        System.out.print(out);
    }
}
