package dev.supervisor.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CircuitState;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.ProviderAttempt;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.RouteOutcome;
import dev.supervisor.api.provider.RoutingEvent;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failover decided by the kind of each failure; a failure is never reported as a success. */
class ProviderRouterFailoverTest {
    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final List<RoutingEvent> events = new ArrayList<>();

    private ProviderRouter router(Scripted... providers) {
        RouterConfig.Builder b = RouterConfig.builder().clock(clock).listener(events::add)
                .waiter(until -> clock.advance(Duration.between(clock.instant(), until)));
        for (Scripted p : providers) {
            b.provider(p);
        }
        return ProviderRouter.create(b.build());
    }

    private static ProviderRequest request(String task) {
        return ProviderRequest.builder(task, TaskType.BUG_FIX, "fix the flaky test").build();
    }

    private static List<String> providersTried(RouteOutcome o) {
        return o.attempts().stream().map(ProviderAttempt::providerId).toList();
    }

    @Test
    void route_crashThenSuccess_failsOverToANewProviderAndNeverRepicksTheFailedOne() throws Exception {
        Scripted a = new Scripted("a").then(Scripted.fail(FailureKind.CRASHED));
        Scripted b = new Scripted("b").then(Scripted.fail(FailureKind.TIMEOUT));
        Scripted c = new Scripted("c");
        RouteOutcome o = router(a, b, c).route(request("t1"));

        assertThat(o.status()).isEqualTo(RouteOutcome.Status.SUCCEEDED);
        assertThat(providersTried(o)).containsExactly("a", "b", "c");
        assertThat(a.calls + b.calls + c.calls).isEqualTo(3);
        assertThat(events).filteredOn(e -> e instanceof RoutingEvent.AttemptFailed).extracting(
                e -> ((RoutingEvent.AttemptFailed) e).kind()).containsExactly(FailureKind.CRASHED, FailureKind.TIMEOUT);
        assertThat(events).filteredOn(e -> e instanceof RoutingEvent.AttemptStarted).extracting(
                e -> ((RoutingEvent.AttemptStarted) e).reason()).last().asString().startsWith("failover after TIMEOUT");
    }

    @Test
    void route_everyProviderFails_failsWithTheWholeHistoryAndTheLastKind() throws Exception {
        Scripted a = new Scripted("a").then(Scripted.fail(FailureKind.CRASHED));
        Scripted b = new Scripted("b").then(Scripted.fail(FailureKind.UNAVAILABLE));
        RouteOutcome o = router(a, b).route(request("t1"));

        assertThat(o.status()).isEqualTo(RouteOutcome.Status.FAILED);
        assertThat(o.success()).isEmpty();
        assertThat(providersTried(o)).containsExactly("a", "b");
        assertThat(o.failureKind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(o.reason()).contains("b UNAVAILABLE");
    }

    @Test
    void route_maxProviders_stopsAfterThatManyProviders() throws Exception {
        Scripted[] ps = new Scripted[5];
        for (int i = 0; i < 5; i++) {
            ps[i] = new Scripted("p" + i).then(Scripted.fail(FailureKind.CRASHED));
        }
        RouterConfig.Builder b = RouterConfig.builder().clock(clock).maxProviders(2);
        for (Scripted p : ps) {
            b.provider(p);
        }
        RouteOutcome o = ProviderRouter.create(b.build()).route(request("t1"));
        assertThat(providersTried(o)).containsExactly("p0", "p1");
        assertThat(o.reason()).startsWith("tried 2 providers");
    }

    @Test
    void route_badRequestOrAuth_isNotRetriedAnywhere() throws Exception {
        for (FailureKind kind : List.of(FailureKind.BAD_REQUEST, FailureKind.AUTH, FailureKind.CANCELLED)) {
            Scripted a = new Scripted("a").then(Scripted.fail(kind));
            Scripted b = new Scripted("b");
            RouteOutcome o = router(a, b).route(request("t1"));
            assertThat(o.status()).as(kind.name()).isEqualTo(RouteOutcome.Status.FAILED);
            assertThat(o.failureKind()).isEqualTo(kind);
            assertThat(b.calls).as(kind.name()).isZero();
        }
    }

    @Test
    void route_rateLimited_coolsTheProviderDownForItsRetryAfterAndPrefersItsGroup() throws Exception {
        Scripted a = new Scripted("a").then(Scripted.rateLimited(Duration.ofSeconds(90)));
        a.group = "sonnet";
        Scripted other = new Scripted("other");
        Scripted sameGroup = new Scripted("a-eu");
        sameGroup.group = "sonnet";
        ProviderRouter r = router(a, other, sameGroup);

        RouteOutcome o = r.route(request("t1"));
        assertThat(providersTried(o)).containsExactly("a", "a-eu");
        assertThat(r.status("a").cooldownUntil()).isEqualTo(clock.instant().plusSeconds(90));
        assertThat(events).anyMatch(e -> e instanceof RoutingEvent.CooldownStarted c && c.providerId().equals("a"));
        assertThat(r.choose(request("t2"))).isEqualTo("other");
        clock.advance(Duration.ofSeconds(90));
        assertThat(r.choose(request("t3"))).isEqualTo("a");
    }

    @Test
    void route_quotaExhaustedWithReset_coolsDownUntilTheReset() throws Exception {
        Scripted a = new Scripted("a").then(Scripted.quotaExhausted(clock.instant().plusSeconds(3600)));
        ProviderRouter r = router(a, new Scripted("b"));
        r.route(request("t1"));
        assertThat(r.status("a").cooldownUntil()).isEqualTo(clock.instant().plusSeconds(3600));
    }

    @Test
    void route_contextOverflow_fallsBackOnlyToALargerWindow() throws Exception {
        Scripted small = new Scripted("small").limits(ProviderLimits.builder().contextWindow(8_000).build())
                .then(Scripted.fail(FailureKind.CONTEXT_OVERFLOW));
        Scripted same = new Scripted("same").limits(ProviderLimits.builder().contextWindow(8_000).build());
        Scripted large = new Scripted("large").limits(ProviderLimits.builder().contextWindow(200_000).build());
        RouteOutcome o = router(small, same, large).route(request("t1"));
        assertThat(providersTried(o)).containsExactly("small", "large");
    }

    @Test
    void route_providerThrowsOrReturnsNull_isACrashNeverASuccess() throws Exception {
        Scripted throwing = new Scripted("throwing") {
            @Override
            public synchronized ProviderResult execute(ProviderRequest request) {
                throw new IllegalStateException("boom");
            }
        };
        Scripted nulls = new Scripted("nulls") {
            @Override
            public synchronized ProviderResult execute(ProviderRequest request) {
                return null;
            }
        };
        RouteOutcome o = router(throwing, nulls).route(request("t1"));
        assertThat(o.status()).isEqualTo(RouteOutcome.Status.FAILED);
        assertThat(o.attempts()).extracting(a -> ((ProviderResult.Failure) a.result()).kind())
                .containsExactly(FailureKind.CRASHED, FailureKind.CRASHED);
        assertThat(((ProviderResult.Failure) o.attempts().get(0).result()).message()).contains("boom");
    }

    @Test
    void route_noProviderServesTheType_failsNamingTheType() throws Exception {
        Scripted reviewer = new Scripted("reviewer");
        reviewer.types = java.util.Set.of(TaskType.PR_REVIEW);
        RouteOutcome o = router(reviewer).route(request("t1"));
        assertThat(o.status()).isEqualTo(RouteOutcome.Status.FAILED);
        assertThat(o.reason()).isEqualTo("no provider serves task type BUG_FIX");
        assertThat(o.attempts()).isEmpty();
    }

    @Test
    void circuit_opensAfterFiveFailuresHalfOpensAfter300sAndClosesOnATrialSuccess() throws Exception {
        Scripted a = new Scripted("a");
        for (int i = 0; i < 5; i++) {
            a.then(Scripted.fail(FailureKind.TIMEOUT));
        }
        ProviderRouter r = router(a, new Scripted("b"));
        for (int i = 0; i < 5; i++) {
            r.route(request("t" + i));
        }
        assertThat(r.status("a").circuit()).isEqualTo(CircuitState.OPEN);
        assertThat(r.choose(request("x"))).isEqualTo("b");
        clock.advance(Duration.ofSeconds(299));
        assertThat(r.choose(request("x"))).isEqualTo("b");
        clock.advance(Duration.ofSeconds(1));
        RouteOutcome o = r.route(request("trial"));
        assertThat(providersTried(o)).containsExactly("a");
        assertThat(r.status("a").circuit()).isEqualTo(CircuitState.CLOSED);
        assertThat(events).filteredOn(e -> e instanceof RoutingEvent.CircuitTransition).extracting(
                e -> ((RoutingEvent.CircuitTransition) e).to()).containsExactly(CircuitState.OPEN,
                CircuitState.HALF_OPEN, CircuitState.CLOSED);
    }

    @Test
    void circuit_rateLimitsDoNotCountAgainstHealth() throws Exception {
        Scripted a = new Scripted("a");
        for (int i = 0; i < 6; i++) {
            a.then(Scripted.rateLimited(Duration.ofSeconds(1)));
        }
        ProviderRouter r = router(a, new Scripted("b"));
        for (int i = 0; i < 6; i++) {
            r.route(request("t" + i));
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(a.calls).isEqualTo(6);
        assertThat(r.status("a").circuit()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void taskRoute_nextWhileACallIsOutstanding_throwsSoATaskNeverRunsTwice() {
        TaskRoute route = router(new Scripted("a"), new Scripted("b")).open(request("t1"));
        RouteDecision.Call call = (RouteDecision.Call) route.next();
        assertThatThrownBy(route::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has a call in flight on a");
        assertThat(route.complete(call.lease(), Scripted.ok(1, 1))).isTrue();
        assertThatThrownBy(() -> route.complete(call.lease(), Scripted.ok(1, 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void probe_unhealthyProviderLeavesRotationUntilAHealthyProbe() {
        boolean[] healthy = {false};
        Scripted a = new Scripted("a") {
            @Override
            public dev.supervisor.api.provider.ProbeResult probe() {
                return healthy[0] ? dev.supervisor.api.provider.ProbeResult.up()
                        : dev.supervisor.api.provider.ProbeResult.down("claude --version exited 127");
            }
        };
        ProviderRouter r = router(a, new Scripted("b"));
        r.probeAll();
        assertThat(r.choose(request("t"))).isEqualTo("b");
        healthy[0] = true;
        r.probeAll();
        assertThat(r.choose(request("t"))).isEqualTo("a");
    }
}
