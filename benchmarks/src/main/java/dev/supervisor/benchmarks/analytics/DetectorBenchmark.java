package dev.supervisor.benchmarks.analytics;

import dev.supervisor.analytics.anomaly.AnomalyDetector;
import dev.supervisor.analytics.anomaly.AnomalyDetectors;
import java.util.SplittableRandom;
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
 * Cost of one streaming update per detector on a noisy daily sine (warm state: 5,000 points fed in setup).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar DetectorBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DetectorBenchmark {
    @Param({"zscore", "mad", "ewma", "seasonal", "ensemble"})
    public String detector;

    private AnomalyDetector d;
    private double[] values;
    private int i;

    @Setup
    public void setUp() {
        d = switch (detector) {
            case "zscore" -> AnomalyDetectors.zScore(100);
            case "mad" -> AnomalyDetectors.mad(100);
            case "ewma" -> AnomalyDetectors.ewma(0.05, 3);
            case "seasonal" -> AnomalyDetectors.seasonal();
            default -> AnomalyDetectors.defaultEnsemble();
        };
        SplittableRandom r = new SplittableRandom(1);
        values = new double[1 << 16];
        for (int t = 0; t < values.length; t++) {
            values[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 288) + r.nextDouble();
        }
        for (int t = 0; t < 5000; t++) {
            d.update(t * 300_000L, values[t]);
        }
        i = 5000;
    }

    @Benchmark
    public double update() {
        int k = i++ & (values.length - 1);
        return d.update(k * 300_000L, values[k]);
    }
}
