package dev.supervisor.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.TokenUsage;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each strategy picks what it promises among the providers the filters leave. */
class ProviderRouterStrategyTest {
    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");

    private ProviderRouter router(RoutingStrategy strategy, Scripted... providers) {
        RouterConfig.Builder b = RouterConfig.builder().clock(clock).strategy(strategy);
        int weight = 1;
        for (Scripted p : providers) {
            b.provider(p, 10 - weight, weight++);
        }
        return ProviderRouter.create(b.build());
    }

    private static ProviderRequest request(String task) {
        return ProviderRequest.builder(task, TaskType.CODE_ANALYSIS, "analyse").inputTokens(1000)
                .maxOutputTokens(100).build();
    }

    /** Routes n requests one after the other, each completed with the given result, and counts the picks. */
    private static Map<String, Integer> picks(ProviderRouter r, int n, Function<String, ProviderResult> result) {
        Map<String, Integer> count = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            TaskRoute t = r.open(request("t" + i));
            RouteDecision.Call c = (RouteDecision.Call) t.next();
            String id = c.lease().provider().id();
            count.merge(id, 1, Integer::sum);
            t.complete(c.lease(), result.apply(id));
        }
        return count;
    }

    private static ProviderResult okIn(long millis) {
        return new ProviderResult.Success("ok", TokenUsage.of(1, 1), dev.supervisor.api.provider.Money.of("0", "USD"),
                "m", Duration.ofMillis(millis));
    }

    @Test
    void priority_lowestNumberWins() {
        // weights 1, 2, 3 give priorities 9, 8, 7: "c" first
        assertThat(router(RoutingStrategy.PRIORITY, new Scripted("a"), new Scripted("b"), new Scripted("c"))
                .choose(request("t"))).isEqualTo("c");
    }

    @Test
    void roundRobin_eachInTurn() {
        ProviderRouter r = router(RoutingStrategy.ROUND_ROBIN, new Scripted("a"), new Scripted("b"),
                new Scripted("c"));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TaskRoute t = r.open(request("t" + i));
            RouteDecision.Call c = (RouteDecision.Call) t.next();
            order.add(c.lease().provider().id());
            t.complete(c.lease(), okIn(1));
        }
        assertThat(order).containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void weighted_sharesFollowTheWeightsExactly() {
        ProviderRouter r = router(RoutingStrategy.WEIGHTED, new Scripted("w1"), new Scripted("w2"),
                new Scripted("w3"));
        assertThat(picks(r, 600, id -> okIn(1))).isEqualTo(Map.of("w1", 100, "w2", 200, "w3", 300));
    }

    @Test
    void leastLoaded_followsRealInFlightCalls() {
        ProviderRouter r = router(RoutingStrategy.LEAST_LOADED, new Scripted("a"), new Scripted("b"));
        TaskRoute first = r.open(request("t1"));
        RouteDecision.Call c = (RouteDecision.Call) first.next();
        assertThat(c.lease().provider().id()).isEqualTo("a");
        assertThat(r.choose(request("t2"))).isEqualTo("b");
        first.complete(c.lease(), okIn(1));
        assertThat(r.choose(request("t2"))).isEqualTo("a");
    }

    @Test
    void fastest_triesUnknownProvidersThenFollowsObservedLatency() {
        ProviderRouter r = router(RoutingStrategy.FASTEST, new Scripted("slow"), new Scripted("quick"));
        Map<String, Integer> count = picks(r, 20, id -> okIn(id.equals("slow") ? 5_000 : 200));
        assertThat(count).containsEntry("slow", 1).containsEntry("quick", 19);
    }

    @Test
    void cheapest_estimatesThisRequestOnEachPriceList() {
        Scripted perCall = new Scripted("per-call");
        perCall.costModel = CostModel.builder("USD").perCall("0.01").build();
        Scripted perToken = new Scripted("per-token");
        perToken.costModel = CostModel.builder("USD").perThousandInput("0.003").perThousandOutput("0.015").build();
        ProviderRouter r = router(RoutingStrategy.CHEAPEST, perCall, perToken);
        // 1000 in + 100 out: 0.0045 per token beats 0.01 per call; 10,000 in: 0.0315 loses to it
        assertThat(r.choose(request("small"))).isEqualTo("per-token");
        assertThat(r.choose(ProviderRequest.builder("big", TaskType.CODE_ANALYSIS, "x").inputTokens(10_000)
                .maxOutputTokens(100).build())).isEqualTo("per-call");
    }

    @Test
    void capability_prefersExplicitSupportOfTheType() {
        Scripted generalist = new Scripted("generalist");
        Scripted specialist = new Scripted("specialist");
        specialist.types = java.util.Set.of(TaskType.CODE_ANALYSIS);
        assertThat(router(RoutingStrategy.CAPABILITY, generalist, specialist).choose(request("t")))
                .isEqualTo("specialist");
    }

    @Test
    void sticky_sameRepositorySameProviderWhileHealthy() {
        Scripted a = new Scripted("a");
        Scripted b = new Scripted("b");
        ProviderRouter r = router(RoutingStrategy.STICKY, a, b);
        ProviderRequest repoX = ProviderRequest.builder("t1", TaskType.CODE_ANALYSIS, "x").affinityKey("repo-x")
                .build();
        TaskRoute first = r.open(repoX);
        RouteDecision.Call c = (RouteDecision.Call) first.next();
        assertThat(c.lease().provider().id()).isEqualTo("b"); // by priority the first time
        first.complete(c.lease(), okIn(1));
        // b cools down: repo-x goes elsewhere, then comes back when b is eligible again
        TaskRoute second = r.open(repoX);
        RouteDecision.Call c2 = (RouteDecision.Call) second.next();
        second.complete(c2.lease(), Scripted.rateLimited(Duration.ofSeconds(30)));
        assertThat(r.choose(repoX)).isEqualTo("a");
        clock.advance(Duration.ofSeconds(30));
        assertThat(r.choose(repoX)).isEqualTo("b");
    }
}
