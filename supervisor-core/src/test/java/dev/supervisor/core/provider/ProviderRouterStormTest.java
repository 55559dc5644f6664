package dev.supervisor.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.Priority;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.ProviderAttempt;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.QuotaWindow;
import dev.supervisor.api.provider.RouteOutcome;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 10,000 tasks over 5 providers with random failures, simulated on a manual clock: calls take their drawn latency
 * of simulated time, so hundreds are in flight at once. Checked against an independent record of every call: no
 * concurrency, request or token limit is ever exceeded in any exact window, no task is lost or has two calls at
 * once or succeeds twice, and every task ends in a terminal state whose history is exactly the calls it made.
 */
class ProviderRouterStormTest {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRouterStormTest.class);
    static final long SEED = 20260302L;
    static final int TASKS = 10_000;

    /** What the harness saw of one provider. */
    static final class Seen {
        final ProviderLimits limits;
        int inFlight;
        int maxInFlight;
        final List<long[]> calls = new ArrayList<>(); // {start millis, actual tokens}

        Seen(ProviderLimits limits) {
            this.limits = limits;
        }
    }

    /** One simulated task. */
    final class Task {
        final TaskRoute route;
        final List<String> calledProviders = new ArrayList<>();
        boolean inFlight;
        boolean terminal;
        int successes;

        Task(TaskRoute route) {
            this.route = route;
        }
    }

    private final ManualClock clock = ManualClock.at("2026-03-02T08:00:00Z");
    private final Map<String, Seen> seen = new HashMap<>();
    private final Map<String, MockProvider> providers = new HashMap<>();
    private final java.util.ArrayDeque<Task> waiting = new java.util.ArrayDeque<>();
    private Instant pumpAt = Instant.MAX;
    private int terminals;
    private int deferrals;
    private int waits;

    @ParameterizedTest
    @EnumSource(value = RoutingStrategy.class, names = {"PRIORITY", "LEAST_LOADED", "WEIGHTED"})
    void storm_10kTasks5ProvidersRandomFailures_noLimitExceededNoTaskLostOrRunTwice(RoutingStrategy strategy) {
        LOG.info("storm seed {} strategy {}", SEED, strategy);
        SplittableRandom random = new SplittableRandom(SEED);
        RouterConfig.Builder config = RouterConfig.builder().clock(clock).strategy(strategy)
                .exhaustion(ExhaustionPolicy.DEFER).deferBelow(Priority.HIGH).maxWait(Duration.ofSeconds(30))
                .maxProviders(3).circuitBreaker(CircuitBreakerConfig.builder().openDuration(Duration.ofSeconds(60))
                        .build());
        int[] concurrency = {2, 3, 4, 6, 8};
        int[] rpm = {40, 60, 30, 90, 120};
        int[] tpm = {60_000, 90_000, 40_000, 150_000, 200_000};
        long[] context = {16_000, 32_000, 64_000, 128_000, 200_000};
        for (int i = 0; i < 5; i++) {
            ProviderLimits.Builder lb = ProviderLimits.builder().maxConcurrent(concurrency[i])
                    .requestsPer(QuotaWindow.MINUTE, rpm[i]).tokensPer(QuotaWindow.MINUTE, tpm[i])
                    .contextWindow(context[i]);
            if (i == 2) {
                lb.requestsPer(QuotaWindow.HOUR, 500).requestsPer(QuotaWindow.DAY, 600);
            }
            ProviderLimits limits = lb.build();
            MockProvider p = MockProvider.builder("p" + i).limits(limits).seed(SEED + i).group(i < 2 ? "g" : "p" + i)
                    .latency(Duration.ofMillis(300), Duration.ofSeconds(5 + 5L * i))
                    .failureRate(0.05 + 0.05 * i, FailureKind.RATE_LIMITED, FailureKind.OVERLOADED,
                            FailureKind.TIMEOUT, FailureKind.CRASHED, FailureKind.UNAVAILABLE,
                            FailureKind.CONTEXT_OVERFLOW, FailureKind.BAD_REQUEST)
                    .retryAfter(Duration.ofSeconds(1 + i))
                    .costModel(CostModel.builder("USD").perThousandInput("0.003").perThousandOutput("0.015").build())
                    .build();
            providers.put(p.id(), p);
            seen.put(p.id(), new Seen(limits));
            config.provider(p, i, 1 + i);
        }
        ProviderRouter router = ProviderRouter.create(config.build());

        List<Task> tasks = new ArrayList<>();
        long at = 0;
        Priority[] priorities = Priority.values();
        for (int i = 0; i < TASKS; i++) {
            at += random.nextLong(200); // ~10 arrivals per second for ~17 minutes
            ProviderRequest req = ProviderRequest.builder("task-" + i, TaskType.CODE_ANALYSIS, "analyse")
                    .priority(priorities[random.nextInt(priorities.length)]).inputTokens(100 + random.nextLong(900))
                    .maxOutputTokens(100 + random.nextLong(400)).build();
            Task t = new Task(router.open(req));
            tasks.add(t);
            clock.schedule(() -> {
                if (waiting.isEmpty()) {
                    drive(t);
                } else {
                    waiting.addLast(t);
                }
            }, Duration.ofMillis(at));
        }
        Instant start = clock.instant();
        for (int step = 0; step < 24 * 60 && terminals < TASKS; step++) {
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(terminals).as("terminal tasks, seed " + SEED).isEqualTo(TASKS);
        Map<RouteOutcome.Status, Integer> byStatus = new HashMap<>();
        for (Task t : tasks) {
            RouteOutcome o = t.route.outcome().orElseThrow();
            byStatus.merge(o.status(), 1, Integer::sum);
            List<String> history = o.attempts().stream().map(ProviderAttempt::providerId).toList();
            assertThat(history).as(o.taskId()).isEqualTo(t.calledProviders);
            assertThat(new HashSet<>(history)).as(o.taskId() + " distinct providers").hasSize(history.size());
            assertThat(history.size()).isLessThanOrEqualTo(3);
            assertThat(t.successes).isLessThanOrEqualTo(1);
            assertThat(t.successes == 1).isEqualTo(o.status() == RouteOutcome.Status.SUCCEEDED);
            if (o.status() == RouteOutcome.Status.FAILED && !history.isEmpty()) {
                assertThat(o.attempts().get(o.attempts().size() - 1).result().succeeded()).isFalse();
            }
        }
        for (Map.Entry<String, Seen> e : seen.entrySet()) {
            checkLimits(e.getKey(), e.getValue());
        }
        LOG.info("storm {}: {} in {} simulated; {} waits, {} deferrals; calls {}", strategy, byStatus,
                Duration.between(start, clock.instant()), waits, deferrals,
                providers.values().stream().map(p -> p.id() + "=" + p.calls()).sorted().toList());
        assertThat(byStatus.get(RouteOutcome.Status.SUCCEEDED)).isGreaterThan(TASKS * 8 / 10);
    }

    /** Like an engine's ready queue: waiting tasks are retried in order after each completion or at the time given. */
    private void pump() {
        int n = waiting.size();
        for (int i = 0; i < n && !waiting.isEmpty(); i++) {
            Task t = waiting.poll();
            if (!drive(t)) {
                break;
            }
        }
    }

    /** @return false if the task had to wait (it is back at the head of the queue) */
    private boolean drive(Task t) {
        RouteDecision d = t.route.next();
        if (d instanceof RouteDecision.Call call) {
            check(!t.inFlight, "task with two calls at once");
            check(!t.terminal, "call after terminal");
            t.inFlight = true;
            String id = call.lease().provider().id();
            t.calledProviders.add(id);
            Seen s = seen.get(id);
            s.inFlight++;
            s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
            check(s.inFlight <= s.limits.maxConcurrent(), id + " over its concurrency");
            ProviderResult r = call.lease().provider().execute(t.route.request());
            long[] record = {clock.millis(), r instanceof ProviderResult.Success ok ? ok.usage().total() : 0};
            s.calls.add(record);
            clock.schedule(() -> {
                s.inFlight--;
                t.inFlight = false;
                if (r.succeeded()) {
                    t.successes++;
                }
                if (t.route.complete(call.lease(), r)) {
                    terminal(t);
                } else if (drive(t)) {
                    pump();
                    return;
                }
                pump();
            }, r.duration());
            return true;
        } else if (d instanceof RouteDecision.Wait w) {
            waits++;
            waiting.addFirst(t);
            if (w.until().isBefore(pumpAt) || !pumpAt.isAfter(clock.instant())) {
                // one timer: a later-armed earlier time replaces it, a fired one is forgotten
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
        } else if (d instanceof RouteDecision.Defer f) {
            deferrals++;
            clock.schedule(() -> {
                if (!drive(t)) {
                    return;
                }
            }, later(f.until()));
            return true;
        }
        terminal(t);
        return true;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    private Duration later(Instant until) {
        Duration d = Duration.between(clock.instant(), until);
        return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
    }

    private void terminal(Task t) {
        check(!t.terminal, "task terminal twice");
        t.terminal = true;
        terminals++;
    }

    private static void checkLimits(String id, Seen s) {
        List<long[]> calls = s.calls;
        calls.sort((a, b) -> Long.compare(a[0], b[0]));
        for (QuotaWindow w : new QuotaWindow[] {QuotaWindow.MINUTE, QuotaWindow.HOUR}) {
            long len = w.length().toMillis();
            long maxReq = s.limits.requestsPer(w);
            long maxTok = s.limits.tokensPer(w);
            int lo = 0;
            long tokens = 0;
            for (int hi = 0; hi < calls.size(); hi++) {
                tokens += calls.get(hi)[1];
                while (calls.get(lo)[0] <= calls.get(hi)[0] - len) {
                    tokens -= calls.get(lo)[1];
                    lo++;
                }
                if (maxReq > 0) {
                    assertThat(hi - lo + 1L).as(id + " requests per " + w).isLessThanOrEqualTo(maxReq);
                }
                if (maxTok > 0) {
                    assertThat(tokens).as(id + " tokens per " + w).isLessThanOrEqualTo(maxTok);
                }
            }
        }
        long perDay = s.limits.requestsPer(QuotaWindow.DAY);
        if (perDay > 0) {
            Map<Long, Integer> days = new HashMap<>();
            for (long[] c : calls) {
                days.merge(Math.floorDiv(c[0], 86_400_000L), 1, Integer::sum);
            }
            assertThat(days.values()).allMatch(n -> n <= perDay);
        }
        assertThat(s.maxInFlight).isLessThanOrEqualTo(s.limits.maxConcurrent());
    }

}
