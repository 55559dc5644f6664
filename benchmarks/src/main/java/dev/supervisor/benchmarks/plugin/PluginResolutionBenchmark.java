package dev.supervisor.benchmarks.plugin;

import dev.supervisor.api.plugin.PluginApi;
import dev.supervisor.api.plugin.PluginDescriptor;
import dev.supervisor.core.plugin.PluginResolution;
import dev.supervisor.core.plugin.PluginResolver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
 * Resolution of {@code plugins} descriptors (goal: 1,000 in at most 50 ms): each depends on up to three earlier
 * plugins with a version range, a third of the dependencies optional, shuffled so that declaration order says
 * nothing. {@code broken} adds what a bad plugin directory holds: 1% missing dependencies, 1% wrong versions, a
 * host API out of range and a three-plugin cycle, each spreading to its dependents.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PluginResolutionBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PluginResolutionBenchmark {
    @Param({"1000"})
    public int plugins;

    @Param({"valid", "broken"})
    public String kind;

    private List<PluginDescriptor> descriptors;
    private final PluginResolver resolver = PluginResolver.of(PluginApi.VERSION);

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        boolean broken = kind.equals("broken");
        descriptors = new ArrayList<>(plugins);
        for (int i = 0; i < plugins; i++) {
            PluginDescriptor.Builder b = PluginDescriptor.builder("plugin-" + i).version("1." + (i % 7) + ".0")
                    .requires(broken && i == 500 ? ">=2 <3" : ">=1.0 <2").capability("events")
                    .source("plugin jar plugin-" + i + ".jar");
            List<Integer> deps = new ArrayList<>();
            for (int k = 0; k < 3 && i > 0; k++) {
                int d = random.nextInt(i);
                if (!deps.contains(d)) {
                    deps.add(d);
                    String range = broken && random.nextInt(100) == 0 ? ">=9" : ">=1.0 <2";
                    String id = broken && random.nextInt(100) == 0 ? "missing-" + d : "plugin-" + d;
                    b.dependency(id + "@" + range + (random.nextInt(3) == 0 ? "?" : ""));
                }
            }
            if (broken && i >= 10 && i < 13) {
                b.dependency("plugin-" + (i == 10 ? 12 : i - 1)); // 10 -> 12 -> 11 -> 10
            }
            descriptors.add(build(b, i));
        }
        Collections.shuffle(descriptors, new Random(7));
        PluginResolution r = resolver.resolve(descriptors);
        if (broken == r.isValid()) {
            throw new IllegalStateException("unexpected resolution: " + r.problems().size() + " problems");
        }
    }

    private static PluginDescriptor build(PluginDescriptor.Builder b, int i) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) { // the cycle's extra edge may repeat a random one
            throw new IllegalStateException("plugin " + i + ": " + e.getMessage(), e);
        }
    }

    @Benchmark
    public PluginResolution resolve() {
        return resolver.resolve(descriptors);
    }
}
