package dev.supervisor.core.provider.internal;

import dev.supervisor.api.Priority;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.ProviderAttempt;
import dev.supervisor.api.provider.ProviderObservation;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.RouteOutcome;
import dev.supervisor.api.provider.RoutingEvent;
import dev.supervisor.api.provider.TokenUsage;
import dev.supervisor.core.provider.Budget;
import dev.supervisor.core.provider.ExhaustionPolicy;
import dev.supervisor.core.provider.Lease;
import dev.supervisor.core.provider.RouteDecision;
import dev.supervisor.core.provider.TaskRoute;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One task's route: which providers were tried, the outstanding lease, the outcome. Guarded by the router's lock. */
final class Routing implements TaskRoute {
    private final DefaultRouter router;
    private final ProviderRequest request;
    private final boolean[] tried;
    private final List<ProviderAttempt> attempts = new ArrayList<>(2);
    private final Selector.Scan scan = new Selector.Scan();
    private long minContext;
    private String group;
    private FailureKind lastKind;
    private String lastMessage;
    private LeaseImpl lease;
    private RouteOutcome outcome;

    Routing(DefaultRouter router, ProviderRequest request) {
        this.router = router;
        this.request = request;
        this.tried = new boolean[router.slots.length];
    }

    @Override
    public ProviderRequest request() {
        return request;
    }

    @Override
    public RouteDecision next() {
        synchronized (router.lock) {
            if (outcome != null) {
                return new RouteDecision.Done(outcome);
            }
            if (lease != null) {
                throw new IllegalStateException("task '" + request.taskId() + "' already has a call in flight on "
                        + lease.slot.id);
            }
            long now = router.millis();
            if (request.isCancelled()) {
                return finish(RouteOutcome.Status.FAILED, "cancelled", FailureKind.CANCELLED, null);
            }
            if (attempts.size() >= router.config.maxProviders()) {
                return finish(RouteOutcome.Status.FAILED, "tried " + attempts.size() + " providers; last: "
                        + lastMessage, lastKind, null);
            }
            Slot s = router.selector.select(request, tried, minContext, group, now, scan);
            if (s != null) {
                return call(s, now);
            }
            if (scan.blocked) {
                return holdBack(now);
            }
            if (scan.overBudget) {
                return finish(RouteOutcome.Status.FAILED, "every eligible provider's estimate exceeds the budget left",
                        null, null);
            }
            String why = attempts.isEmpty() ? "no provider serves task type " + request.taskType()
                    + (request.capabilities().isEmpty() ? "" : " with " + request.capabilities())
                    : "no untried provider left; last: " + lastMessage;
            return finish(RouteOutcome.Status.FAILED, why, lastKind, null);
        }
    }

    private RouteDecision call(Slot s, long now) {
        long tokens = Slot.tokens(request);
        BigDecimal estimate = s.provider.costModel()
                .cost(request.model().orElse(null), TokenUsage.of(request.inputTokens(), request.maxOutputTokens()))
                .amount();
        Budget.Scope over = router.ledger.reserve(request, estimate, now);
        if (over != null) {
            return finish(RouteOutcome.Status.FAILED, "the estimate of " + estimate.toPlainString() + " "
                    + router.config.currency() + " on " + s.id + " exceeds the " + over + " budget left", null, null);
        }
        router.selector.commit(s, request, tried, minContext, now, scan);
        boolean trial = s.breaker.acquire(now, router.events);
        s.inFlight++;
        tried[s.index] = true;
        Instant at = Instant.ofEpochMilli(now);
        lease = new LeaseImpl(this, s, attempts.size() + 1, at, now, trial, tokens, estimate);
        s.own.reserve(now, tokens, lease.buckets[0], router.events);
        for (int i = 0; i < s.shared.length; i++) {
            s.shared[i].reserve(now, tokens, lease.buckets[i + 1], router.events);
        }
        String reason = lastKind == null ? router.config.strategy().name().toLowerCase()
                : "failover after " + lastKind + ": " + lastMessage;
        router.events.emit(new RoutingEvent.AttemptStarted(at, request.runId(), request.taskId(), s.id,
                lease.attempt, reason));
        return new RouteDecision.Call(lease);
    }

    private RouteDecision holdBack(long now) {
        long until = Long.MAX_VALUE;
        Slot first = null;
        for (Slot s : router.slots) {
            if (router.selector.check(s, request, tried, minContext, now, scan) == Selector.BLOCKED) {
                long t = router.selector.freeAt(s, request, now, router.pollMillis);
                if (t < until) {
                    until = t;
                    first = s;
                }
            }
        }
        if (first == null) {
            return finish(RouteOutcome.Status.FAILED, "no provider can take this request", lastKind, null);
        }
        String reason = first.id + " blocked (" + blockReason(first, now) + ")";
        boolean longBlock = until == Long.MAX_VALUE || until - now > router.config.maxWait().toMillis();
        ExhaustionPolicy policy = router.config.exhaustion();
        if (longBlock && policy == ExhaustionPolicy.FAIL) {
            return finish(RouteOutcome.Status.FAILED, "quota exhausted: " + reason, FailureKind.QUOTA_EXHAUSTED,
                    null);
        }
        if (until == Long.MAX_VALUE) {
            return finish(RouteOutcome.Status.FAILED, "the request can never fit: " + reason,
                    FailureKind.QUOTA_EXHAUSTED, null);
        }
        Instant at = Instant.ofEpochMilli(until);
        Priority p = request.priority();
        boolean defer = longBlock && policy == ExhaustionPolicy.DEFER && p != Priority.CRITICAL
                && p.value() < router.config.deferBelow().value();
        router.events.emit(new RoutingEvent.TaskHeldBack(Instant.ofEpochMilli(now), request.runId(),
                request.taskId(), at, defer, reason));
        return defer ? new RouteDecision.Defer(at, reason) : new RouteDecision.Wait(at, reason);
    }

    private String blockReason(Slot s, long now) {
        if (!s.probeHealthy) {
            return "probe unhealthy";
        }
        if (s.cooldownUntil > now) {
            return "cooling down until " + Instant.ofEpochMilli(s.cooldownUntil);
        }
        if (!s.breaker.allows(now)) {
            return "circuit " + s.breaker.state();
        }
        if (s.inFlight >= s.concurrency) {
            return "at concurrency " + s.concurrency;
        }
        return s.blockedByDay(now, Slot.tokens(request)) ? "daily quota used up" : "rate limit";
    }

    @Override
    public boolean complete(Lease l, ProviderResult result) {
        synchronized (router.lock) {
            if (l == null || l != lease || !lease.open) {
                throw new IllegalStateException("lease " + l + " is not the outstanding call of task '"
                        + request.taskId() + "'");
            }
            LeaseImpl held = lease;
            held.open = false;
            lease = null;
            long now = router.millis();
            ProviderResult r = result != null ? result : ProviderResult.Failure.of(FailureKind.CRASHED,
                    "provider returned no result", Duration.ofMillis(Math.max(0, now - held.startMillis)));
            settle(held, r, now);
            attempts.add(new ProviderAttempt(held.attempt, held.slot.id, held.startedAt, r));
            router.signalAll();
            if (r instanceof ProviderResult.Success ok) {
                router.events.emit(new RoutingEvent.AttemptSucceeded(router.events.now(), request.runId(),
                        request.taskId(), held.slot.id, held.attempt, ok.duration(), ok.usage(), ok.cost(),
                        ok.model()));
                finish(RouteOutcome.Status.SUCCEEDED, "succeeded on " + held.slot.id, null, null);
                return true;
            }
            ProviderResult.Failure f = (ProviderResult.Failure) r;
            boolean again = f.kind().failsOver() && attempts.size() < router.config.maxProviders();
            router.events.emit(new RoutingEvent.AttemptFailed(router.events.now(), request.runId(),
                    request.taskId(), held.slot.id, held.attempt, f.kind(), f.message(), again));
            lastKind = f.kind();
            lastMessage = held.slot.id + " " + f.kind() + ": " + f.message();
            if (!f.kind().failsOver()) {
                finish(RouteOutcome.Status.FAILED, lastMessage, lastKind, null);
                return true;
            }
            if (f.kind() == FailureKind.CONTEXT_OVERFLOW) {
                long window = held.slot.limits.contextWindow();
                minContext = Math.max(minContext, Math.max(window, request.inputTokens()) + 1);
            }
            group = f.kind() == FailureKind.RATE_LIMITED || f.kind() == FailureKind.OVERLOADED ? held.slot.group
                    : null;
            return false;
        }
    }

    private void settle(LeaseImpl held, ProviderResult r, long now) {
        Slot s = held.slot;
        s.inFlight--;
        boolean ok = r instanceof ProviderResult.Success;
        TokenUsage usage = ok ? ((ProviderResult.Success) r).usage() : ((ProviderResult.Failure) r).usage();
        long delta = usage.total() - held.tokens;
        s.own.settle(now, held.buckets[0], delta, router.events);
        for (int i = 0; i < s.shared.length; i++) {
            s.shared[i].settle(now, held.buckets[i + 1], delta, router.events);
        }
        Money cost = ok ? ((ProviderResult.Success) r).cost() : s.provider.costModel().cost(null, usage);
        router.ledger.settle(request, s.id, held.reservedCost, cost, usage, now);
        FailureKind kind = ok ? null : ((ProviderResult.Failure) r).kind();
        boolean healthFailure = kind != null && kind.countsAgainstHealth();
        s.breaker.record(now, held.trial, ok || healthFailure, healthFailure, router.events);
        if (kind != null && kind.coolsDown()) {
            ProviderResult.Failure f = (ProviderResult.Failure) r;
            long until = f.resetAt() != null ? f.resetAt().toEpochMilli()
                    : now + (f.retryAfter() != null ? f.retryAfter() : router.config.defaultCooldown()).toMillis();
            if (until > s.cooldownUntil) {
                s.cooldownUntil = until;
                router.events.emit(new RoutingEvent.CooldownStarted(router.events.now(), s.id,
                        Instant.ofEpochMilli(until), kind));
            }
        }
        s.observe(r.duration().toMillis(), ok);
        if (router.config.advisor() != null) {
            router.config.advisor().record(new ProviderObservation(s.id, request.taskType(), held.startedAt,
                    r.duration(), ok, usage, cost));
        }
    }

    /** Ends the route as DEFERRED (blocking callers only: a step-wise caller keeps the route open instead). */
    RouteOutcome defer(Instant until, String reason) {
        synchronized (router.lock) {
            finish(RouteOutcome.Status.DEFERRED, reason, FailureKind.QUOTA_EXHAUSTED, until);
            return outcome;
        }
    }

    /** Ends the route as failed because the caller was interrupted while waiting. */
    void interrupted() {
        synchronized (router.lock) {
            if (outcome == null && lease == null) {
                finish(RouteOutcome.Status.FAILED, "interrupted while waiting for a provider", FailureKind.CANCELLED,
                        null);
            }
        }
    }

    private RouteDecision finish(RouteOutcome.Status status, String reason, FailureKind kind, Instant retryAt) {
        outcome = new RouteOutcome(request.taskId(), status, attempts, reason,
                status == RouteOutcome.Status.SUCCEEDED ? null : kind, retryAt);
        router.events.emit(new RoutingEvent.RouteFinished(router.events.now(), request.runId(), outcome));
        router.signalAll();
        return new RouteDecision.Done(outcome);
    }

    @Override
    public Optional<RouteOutcome> outcome() {
        synchronized (router.lock) {
            return Optional.ofNullable(outcome);
        }
    }
}
