package dev.supervisor.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.Priority;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.QuotaResource;
import dev.supervisor.api.provider.QuotaWindow;
import dev.supervisor.api.provider.RouteOutcome;
import dev.supervisor.api.provider.RoutingEvent;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quotas, concurrency, budgets and what happens at exhaustion. */
class ProviderRouterLimitsTest {
    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final List<RoutingEvent> events = new ArrayList<>();

    private static ProviderRequest request(String task, Priority p) {
        return ProviderRequest.builder(task, TaskType.REFACTOR, "refactor").priority(p).inputTokens(100)
                .maxOutputTokens(100).build();
    }

    private RouterConfig.Builder config(Scripted... providers) {
        RouterConfig.Builder b = RouterConfig.builder().clock(clock).listener(events::add);
        for (Scripted p : providers) {
            b.provider(p);
        }
        return b;
    }

    @Test
    void requestsPerMinute_neverExceeded_waitUntilTheWindowFrees() {
        Scripted a = new Scripted("a").limits(ProviderLimits.builder().requestsPer(QuotaWindow.MINUTE, 3).build());
        ProviderRouter r = ProviderRouter.create(config(a).build());
        for (int i = 0; i < 3; i++) {
            TaskRoute t = r.open(request("t" + i, Priority.NORMAL));
            RouteDecision.Call c = (RouteDecision.Call) t.next();
            t.complete(c.lease(), Scripted.ok(100, 10));
            clock.advance(Duration.ofSeconds(10));
        }
        RouteDecision d = r.open(request("t3", Priority.NORMAL)).next();
        assertThat(d).isInstanceOf(RouteDecision.Wait.class);
        Instant until = ((RouteDecision.Wait) d).until();
        // the first call was at 10:00:00; the window keeps one extra one-second bucket, so it frees at 10:01:01
        assertThat(until).isEqualTo(Instant.parse("2026-03-02T10:01:01Z"));
        clock.advance(Duration.between(clock.instant(), until));
        assertThat(r.open(request("t3", Priority.NORMAL)).next()).isInstanceOf(RouteDecision.Call.class);
    }

    @Test
    void quotaThresholds_reportedAt80And95And100PercentOnce() {
        Scripted a = new Scripted("a").limits(ProviderLimits.builder().requestsPer(QuotaWindow.HOUR, 20).build());
        ProviderRouter r = ProviderRouter.create(config(a).build());
        for (int i = 0; i < 20; i++) {
            TaskRoute t = r.open(request("t" + i, Priority.NORMAL));
            t.complete(((RouteDecision.Call) t.next()).lease(), Scripted.ok(100, 10));
        }
        assertThat(events).filteredOn(e -> e instanceof RoutingEvent.QuotaThresholdCrossed q
                && q.resource() == QuotaResource.REQUESTS).extracting(
                e -> ((RoutingEvent.QuotaThresholdCrossed) e).percent() + "@" + ((RoutingEvent.QuotaThresholdCrossed) e)
                        .used()).containsExactly("80@16", "95@19", "100@20");
    }

    @Test
    void tokens_reservedFromTheEstimateAndSettledFromTheReportedUsage() {
        Scripted a = new Scripted("a").limits(ProviderLimits.builder().tokensPer(QuotaWindow.MINUTE, 500).build());
        ProviderRouter r = ProviderRouter.create(config(a).build());
        TaskRoute t1 = r.open(request("t1", Priority.NORMAL));
        RouteDecision.Call c1 = (RouteDecision.Call) t1.next();
        TaskRoute t2 = r.open(request("t2", Priority.NORMAL));
        RouteDecision.Call c2 = (RouteDecision.Call) t2.next();
        // two reservations of 200 tokens each: a third does not fit 500 until one settles lower
        assertThat(r.open(request("t3", Priority.NORMAL)).next()).isInstanceOf(RouteDecision.Wait.class);
        t1.complete(c1.lease(), Scripted.ok(20, 5));
        assertThat(r.open(request("t3", Priority.NORMAL)).next()).isInstanceOf(RouteDecision.Call.class);
        t2.complete(c2.lease(), Scripted.ok(20, 5));
    }

    @Test
    void concurrency_limitHeldAndWaitedOnWithThePollInterval() {
        Scripted a = new Scripted("a").limits(ProviderLimits.builder().maxConcurrent(1).build());
        ProviderRouter r = ProviderRouter.create(config(a).pollInterval(Duration.ofMillis(250)).build());
        TaskRoute t1 = r.open(request("t1", Priority.NORMAL));
        RouteDecision.Call c = (RouteDecision.Call) t1.next();
        RouteDecision d = r.open(request("t2", Priority.NORMAL)).next();
        assertThat(d).isEqualTo(new RouteDecision.Wait(clock.instant().plusMillis(250), "a blocked (at concurrency 1)"));
        t1.complete(c.lease(), Scripted.ok(1, 1));
        assertThat(r.status("a").inFlight()).isZero();
    }

    @Test
    void dailyQuota_resetsAtMidnightInTheRoutersZone_deferLetsCriticalWait() {
        Scripted a = new Scripted("a").limits(ProviderLimits.builder().requestsPer(QuotaWindow.DAY, 1).build());
        ZoneId paris = ZoneId.of("Europe/Paris");
        ProviderRouter r = ProviderRouter.create(config(a).zone(paris).exhaustion(ExhaustionPolicy.DEFER).build());
        TaskRoute first = r.open(request("t1", Priority.NORMAL));
        first.complete(((RouteDecision.Call) first.next()).lease(), Scripted.ok(1, 1));

        Instant midnightParis = Instant.parse("2026-03-02T23:00:00Z");
        RouteDecision normal = r.open(request("t2", Priority.URGENT)).next();
        assertThat(normal).isEqualTo(new RouteDecision.Defer(midnightParis, "a blocked (daily quota used up)"));
        RouteDecision critical = r.open(request("t3", Priority.CRITICAL)).next();
        assertThat(critical).isEqualTo(new RouteDecision.Wait(midnightParis, "a blocked (daily quota used up)"));

        clock.advance(Duration.between(clock.instant(), midnightParis));
        assertThat(r.open(request("t3", Priority.CRITICAL)).next()).isInstanceOf(RouteDecision.Call.class);
    }

    @Test
    void exhaustionFail_failsAsQuotaExhausted_blockingRouteReturnsDeferredUnderDefer() throws Exception {
        Scripted a = new Scripted("a").limits(ProviderLimits.builder().requestsPer(QuotaWindow.DAY, 1).build());
        ProviderRouter failing = ProviderRouter.create(config(a).exhaustion(ExhaustionPolicy.FAIL).build());
        failing.route(request("t1", Priority.NORMAL));
        RouteOutcome o = failing.route(request("t2", Priority.NORMAL));
        assertThat(o.status()).isEqualTo(RouteOutcome.Status.FAILED);
        assertThat(o.failureKind()).isEqualTo(dev.supervisor.api.provider.FailureKind.QUOTA_EXHAUSTED);

        Scripted b = new Scripted("b").limits(ProviderLimits.builder().requestsPer(QuotaWindow.DAY, 1).build());
        ProviderRouter deferring = ProviderRouter.create(RouterConfig.builder().clock(clock).provider(b)
                .exhaustion(ExhaustionPolicy.DEFER).build());
        deferring.route(request("t1", Priority.NORMAL));
        RouteOutcome deferred = deferring.route(request("t2", Priority.LOW));
        assertThat(deferred.status()).isEqualTo(RouteOutcome.Status.DEFERRED);
        assertThat(deferred.retryAt()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    }

    @Test
    void sharedQuota_twoProvidersOnOneKeyDrawOnTheSameWindow() {
        Scripted a = new Scripted("a");
        Scripted b = new Scripted("b");
        ProviderRouter r = ProviderRouter.create(config(a, b).strategy(RoutingStrategy.ROUND_ROBIN)
                .sharedQuota("anthropic-key-1", ProviderLimits.builder().requestsPer(QuotaWindow.MINUTE, 2).build(),
                        "a", "b").build());
        for (int i = 0; i < 2; i++) {
            TaskRoute t = r.open(request("t" + i, Priority.NORMAL));
            t.complete(((RouteDecision.Call) t.next()).lease(), Scripted.ok(1, 1));
        }
        assertThat(r.choose(request("t3", Priority.NORMAL))).isNull();
        assertThat(events).anyMatch(e -> e instanceof RoutingEvent.QuotaThresholdCrossed q
                && q.scope().equals("anthropic-key-1") && q.percent() == 100);
    }

    @Test
    void budget_enforcedBeforeTheCallFromTheEstimate() throws Exception {
        // estimate per call: 100 in x 0.003/1K + 100 out x 0.015/1K = 0.0018 USD; actual: 100 in, 10 out = 0.00045
        Scripted a = new Scripted("a");
        ProviderRouter r = ProviderRouter.create(config(a).budget(Budget.perRun(Money.of("0.004", "USD"))).build());
        ProviderRequest inRun = ProviderRequest.builder("t", TaskType.REFACTOR, "x").run("run-1", "wf")
                .inputTokens(100).maxOutputTokens(100).build();
        // calls k = 0..4 fit (0.00045 k + 0.0018 <= 0.004); the sixth would need 0.00405
        for (int k = 0; k < 5; k++) {
            assertThat(r.route(inRun).status()).isEqualTo(RouteOutcome.Status.SUCCEEDED);
        }
        RouteOutcome over = r.route(inRun);
        assertThat(over.status()).isEqualTo(RouteOutcome.Status.FAILED);
        assertThat(over.attempts()).isEmpty();
        assertThat(over.reason()).isEqualTo("every eligible provider's estimate exceeds the budget left");
        assertThat(a.calls).isEqualTo(5);
        assertThat(r.costs().run("run-1").cost()).isEqualTo(Money.of("0.00225", "USD"));
        ProviderRequest otherRun = ProviderRequest.builder("t", TaskType.REFACTOR, "x").run("run-2", "wf")
                .inputTokens(100).maxOutputTokens(100).build();
        assertThat(r.route(otherRun).status()).isEqualTo(RouteOutcome.Status.SUCCEEDED);
    }

    @Test
    void costs_bookedPerTaskRunWorkflowProviderAndTenant() throws Exception {
        Scripted a = new Scripted("a");
        ProviderRouter r = ProviderRouter.create(config(a).build());
        r.route(ProviderRequest.builder("t1", TaskType.REFACTOR, "x").run("r1", "wf").tenant("acme").inputTokens(1000)
                .build());
        CostSummary s = r.costs().task("r1", "t1");
        assertThat(s.calls()).isEqualTo(1);
        assertThat(s.tokens().input()).isEqualTo(1000);
        assertThat(s.cost()).isEqualTo(Money.of("0.00315", "USD"));
        assertThat(r.costs().tenant("acme")).isEqualTo(s);
        assertThat(r.costs().workflow("wf")).isEqualTo(s);
        assertThat(r.costs().provider("a")).isEqualTo(s);
        assertThat(r.costs().total()).isEqualTo(s);
        assertThat(r.costs().run("nope").calls()).isZero();
    }

    @Test
    void config_badValuesNameTheOptionAndMixedCurrenciesFail() {
        assertThatThrownBy(() -> RouterConfig.builder().maxProviders(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxProviders must be between 1 and 64 but was 0");
        assertThatThrownBy(() -> RouterConfig.builder().strategy(RoutingStrategy.CHEAPEST)
                .strategy(RoutingStrategy.FASTEST)).isInstanceOf(IllegalStateException.class)
                .hasMessage("strategy was already set");
        Scripted eur = new Scripted("eur");
        eur.costModel = dev.supervisor.api.provider.CostModel.free("EUR");
        assertThatThrownBy(() -> RouterConfig.builder().provider(new Scripted("usd")).provider(eur).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one currency");
        assertThatThrownBy(() -> RouterConfig.builder().provider(new Scripted("a")).provider(new Scripted("a")))
                .isInstanceOf(IllegalStateException.class).hasMessage("provider 'a' was already registered");
        assertThatThrownBy(() -> RouterConfig.builder().provider(new Scripted("a"))
                .sharedQuota("k", ProviderLimits.unlimited(), "ghost").build())
                .hasMessage("shared quota 'k' names unknown provider 'ghost'");
    }
}
