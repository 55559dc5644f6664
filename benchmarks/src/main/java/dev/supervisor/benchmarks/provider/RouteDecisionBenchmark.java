package dev.supervisor.benchmarks.provider;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.QuotaWindow;
import dev.supervisor.core.provider.MockProvider;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.RouteDecision;
import dev.supervisor.core.provider.RouterConfig;
import dev.supervisor.core.provider.RoutingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * One route decision over 100 providers (types, concurrency, request and token windows, circuit and cooldown
 * checked for each, then the strategy): the router's {@code choose} against the same filters and strategy written
 * the common way, with streams over provider objects. Run with {@code -prof gc} to see the allocation per decision.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RouteDecisionBenchmark -f 1 -wi 3 -i 5 -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteDecisionBenchmark {
    static final int PROVIDERS = 100;

    @Param({"PRIORITY", "LEAST_LOADED", "CHEAPEST"})
    public String strategy;

    private ProviderRouter router;
    private ProviderRequest request;
    private List<Candidate> candidates;

    /** What the stream version knows of each provider. */
    record Candidate(String id, java.util.Set<TaskType> types, int priority, int inFlight, int max, long used,
                     long limit, double cost, boolean open, long cooldownUntil) {
    }

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(7);
        RouterConfig.Builder b = RouterConfig.builder().strategy(RoutingStrategy.valueOf(strategy));
        candidates = new ArrayList<>();
        TaskType[] types = {TaskType.CODE_ANALYSIS, TaskType.PR_REVIEW, TaskType.BUG_FIX};
        for (int i = 0; i < PROVIDERS; i++) {
            TaskType t = types[i % types.length];
            String in = "0.00" + (1 + r.nextInt(9));
            ProviderLimits limits = ProviderLimits.builder().maxConcurrent(10)
                    .requestsPer(QuotaWindow.MINUTE, 1_000_000).tokensPer(QuotaWindow.MINUTE, 1_000_000_000L).build();
            MockProvider p = MockProvider.builder("p" + i).taskTypes(t).limits(limits)
                    .costModel(CostModel.builder("USD").perThousandInput(in).perThousandOutput("0.015").build())
                    .latency(Duration.ZERO, Duration.ZERO).build();
            b.provider(p, 1 + r.nextInt(50), 1);
            candidates.add(new Candidate(p.id(), p.taskTypes(), 1 + r.nextInt(50), r.nextInt(10), 10, 0, 1_000_000,
                    Double.parseDouble(in), false, 0));
        }
        router = ProviderRouter.create(b.build());
        request = ProviderRequest.builder("t", TaskType.CODE_ANALYSIS, "analyse the module").inputTokens(2000)
                .maxOutputTokens(500).build();
        // some calls in flight so that load differs between providers
        for (int i = 0; i < 60; i++) {
            RouteDecision d = router.open(ProviderRequest.builder("warm-" + i, TaskType.CODE_ANALYSIS, "x").build())
                    .next();
            if (!(d instanceof RouteDecision.Call)) {
                throw new IllegalStateException("expected a call during setup but got " + d);
            }
        }
    }

    @Benchmark
    public String supervisor() {
        return router.choose(request);
    }

    @Benchmark
    public String streams() {
        long now = System.currentTimeMillis();
        Comparator<Candidate> order = switch (strategy) {
            case "LEAST_LOADED" -> Comparator.comparingDouble(c -> (double) c.inFlight() / c.max());
            case "CHEAPEST" -> Comparator.comparingDouble(c -> c.cost() * request.inputTokens());
            default -> Comparator.comparingInt(Candidate::priority);
        };
        return candidates.stream()
                .filter(c -> c.types().isEmpty() || c.types().contains(request.taskType()))
                .filter(c -> !c.open() && c.cooldownUntil() <= now)
                .filter(c -> c.inFlight() < c.max() && c.used() + 1 <= c.limit())
                .min(order).map(Candidate::id).orElse(null);
    }
}
