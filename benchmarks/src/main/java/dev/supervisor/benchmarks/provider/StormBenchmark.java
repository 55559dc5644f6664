package dev.supervisor.benchmarks.provider;

import dev.supervisor.api.Priority;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.QuotaWindow;
import dev.supervisor.core.provider.ExhaustionPolicy;
import dev.supervisor.core.provider.MockProvider;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.RouteDecision;
import dev.supervisor.core.provider.RouterConfig;
import dev.supervisor.core.provider.RoutingStrategy;
import dev.supervisor.core.provider.TaskRoute;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The 10,000-task storm of the router tests as a benchmark: 5 mock providers with limits and random failures
 * (seeded), simulated on a manual clock, every task routed to a terminal state with failover. Reports the wall time
 * of a whole storm; tasks per second is 10,000 divided by it.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar StormBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StormBenchmark {
    static final int TASKS = 10_000;

    @Param({"PRIORITY", "LEAST_LOADED"})
    public String strategy;

    /** One storm's mutable state. */
    static final class Storm {
        final ManualClock clock = ManualClock.at("2026-03-02T08:00:00Z");
        final ArrayDeque<TaskRoute> waiting = new ArrayDeque<>();
        Instant pumpAt = Instant.MAX;
        int terminals;

        void pump() {
            int n = waiting.size();
            for (int i = 0; i < n && !waiting.isEmpty(); i++) {
                if (!drive(waiting.poll())) {
                    break;
                }
            }
        }

        boolean drive(TaskRoute t) {
            RouteDecision d = t.next();
            if (d instanceof RouteDecision.Call call) {
                ProviderResult r = call.lease().provider().execute(t.request());
                clock.schedule(() -> {
                    if (t.complete(call.lease(), r)) {
                        terminals++;
                    } else {
                        drive(t);
                    }
                    pump();
                }, r.duration());
                return true;
            }
            if (d instanceof RouteDecision.Wait w) {
                waiting.addFirst(t);
                if (w.until().isBefore(pumpAt) || !pumpAt.isAfter(clock.instant())) {
                    Instant at = w.until();
                    pumpAt = at;
                    clock.schedule(() -> {
                        if (pumpAt.equals(at)) {
                            pumpAt = Instant.MAX;
                            pump();
                        }
                    }, later(at));
                }
                return false;
            }
            if (d instanceof RouteDecision.Defer f) {
                clock.schedule(() -> drive(t), later(f.until()));
                return true;
            }
            terminals++;
            return true;
        }

        Duration later(Instant until) {
            Duration d = Duration.between(clock.instant(), until);
            return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
        }
    }

    @Benchmark
    public int storm() {
        Storm s = new Storm();
        SplittableRandom random = new SplittableRandom(20260302L);
        RouterConfig.Builder config = RouterConfig.builder().clock(s.clock)
                .strategy(RoutingStrategy.valueOf(strategy)).exhaustion(ExhaustionPolicy.DEFER)
                .deferBelow(Priority.HIGH).maxWait(Duration.ofSeconds(30));
        int[] concurrency = {2, 3, 4, 6, 8};
        int[] rpm = {40, 60, 30, 90, 120};
        for (int i = 0; i < 5; i++) {
            config.provider(MockProvider.builder("p" + i).seed(i).limits(ProviderLimits.builder()
                    .maxConcurrent(concurrency[i]).requestsPer(QuotaWindow.MINUTE, rpm[i])
                    .tokensPer(QuotaWindow.MINUTE, 100_000L * (i + 1)).build())
                    .latency(Duration.ofMillis(300), Duration.ofSeconds(5 + 5L * i))
                    .failureRate(0.05 + 0.05 * i, FailureKind.RATE_LIMITED, FailureKind.TIMEOUT, FailureKind.CRASHED)
                    .build(), i, 1 + i);
        }
        ProviderRouter router = ProviderRouter.create(config.build());
        long at = 0;
        for (int i = 0; i < TASKS; i++) {
            at += random.nextLong(200);
            TaskRoute t = router.open(ProviderRequest.builder("task-" + i, TaskType.CODE_ANALYSIS, "analyse")
                    .inputTokens(100 + random.nextLong(900)).maxOutputTokens(100 + random.nextLong(400)).build());
            s.clock.schedule(() -> {
                if (s.waiting.isEmpty()) {
                    s.drive(t);
                } else {
                    s.waiting.addLast(t);
                }
            }, Duration.ofMillis(at));
        }
        for (int step = 0; step < 24 * 60 && s.terminals < TASKS; step++) {
            s.clock.advance(Duration.ofMinutes(1));
        }
        if (s.terminals != TASKS) {
            throw new IllegalStateException("storm ended with " + s.terminals + " terminal tasks");
        }
        return s.terminals;
    }
}
