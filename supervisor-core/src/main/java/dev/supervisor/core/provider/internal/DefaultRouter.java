package dev.supervisor.core.provider.internal;

import dev.supervisor.api.provider.CircuitState;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.ProbeResult;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.RouteOutcome;
import dev.supervisor.api.provider.RoutingEvent;
import dev.supervisor.core.provider.CostLedger;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.ProviderStatus;
import dev.supervisor.core.provider.RouteDecision;
import dev.supervisor.core.provider.RouterConfig;
import dev.supervisor.core.provider.TaskRoute;
import dev.supervisor.core.provider.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The router. One lock guards all routing state: a decision and its reservations happen atomically, so limits
 * hold under any number of callers; provider calls run outside it.
 */
public final class DefaultRouter implements ProviderRouter {
    final RouterConfig config;
    final Slot[] slots;
    final Selector selector;
    final Ledger ledger;
    final Events events;
    final Object lock = new Object();
    final long pollMillis;
    private final Clock clock;
    private final Map<String, Slot> byId = new HashMap<>();
    private final Selector.Scan chooseScan = new Selector.Scan();
    private final Waiter waiter;

    /** @param config the configuration */
    public DefaultRouter(RouterConfig config) {
        this.config = config;
        this.clock = config.clock();
        this.pollMillis = config.pollInterval().toMillis();
        this.events = new Events(config.listeners(), clock);
        this.ledger = new Ledger(lock, config.currency(), config.zone(), config.budgets());
        List<RouterConfig.Entry> entries = config.providers();
        this.slots = new Slot[entries.size()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(i, entries.get(i), config);
            byId.put(slots[i].id, slots[i]);
        }
        for (RouterConfig.SharedQuota q : config.sharedQuotas()) {
            Quota quota = new Quota(q.name(), q.limits(), config.zone());
            for (String id : q.providerIds()) {
                Slot s = byId.get(id);
                Quota[] more = Arrays.copyOf(s.shared, s.shared.length + 1);
                more[s.shared.length] = quota;
                s.shared = more;
            }
        }
        this.selector = new Selector(slots, config.strategy(), config.advisor(), ledger);
        this.waiter = config.waiter() != null ? config.waiter() : this::awaitRealTime;
    }

    long millis() {
        return clock.millis();
    }

    void signalAll() {
        lock.notifyAll();
    }

    private void awaitRealTime(Instant until) throws InterruptedException {
        synchronized (lock) {
            long ms = Math.min(until.toEpochMilli() - millis(), pollMillis);
            if (ms > 0) {
                lock.wait(ms);
            }
        }
    }

    @Override
    public TaskRoute open(ProviderRequest request) {
        return new Routing(this, Objects.requireNonNull(request, "request"));
    }

    @Override
    public RouteOutcome route(ProviderRequest request) throws InterruptedException {
        Routing route = (Routing) open(request);
        while (true) {
            RouteDecision d = route.next();
            if (d instanceof RouteDecision.Done done) {
                return done.outcome();
            }
            if (d instanceof RouteDecision.Call call) {
                route.complete(call.lease(), execute(call.lease().provider(), request));
            } else if (d instanceof RouteDecision.Defer defer) {
                return route.defer(defer.until(), defer.reason());
            } else {
                try {
                    waiter.awaitUntil(((RouteDecision.Wait) d).until());
                } catch (InterruptedException e) {
                    route.interrupted();
                    throw e;
                }
            }
        }
    }

    /** Calls a provider; an exception or a null result is a crash, never a success. */
    private ProviderResult execute(Provider p, ProviderRequest request) {
        long start = System.nanoTime();
        try {
            ProviderResult r = p.execute(request);
            return r != null ? r : ProviderResult.Failure.of(FailureKind.CRASHED, "provider returned null",
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            return ProviderResult.Failure.of(FailureKind.CRASHED, "provider threw " + e.getClass().getName() + ": "
                    + e.getMessage(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public String choose(ProviderRequest request) {
        synchronized (lock) {
            Slot s = selector.select(request, null, 0, null, millis(), chooseScan);
            return s == null ? null : s.id;
        }
    }

    private Slot slot(String providerId) {
        Slot s = byId.get(providerId);
        if (s == null) {
            throw new IllegalArgumentException("unknown provider '" + providerId + "'; known: " + byId.keySet());
        }
        return s;
    }

    @Override
    public ProviderStatus status(String providerId) {
        synchronized (lock) {
            Slot s = slot(providerId);
            long now = millis();
            return new Status(s.id, s.breaker.state(), s.inFlight, s.concurrency,
                    s.cooldownUntil > now ? Instant.ofEpochMilli(s.cooldownUntil) : null,
                    Double.isNaN(s.latencyMillis) ? null : Duration.ofMillis(Math.round(s.latencyMillis)),
                    s.probeHealthy);
        }
    }

    private record Status(String providerId, CircuitState circuit, int inFlight, int concurrencyLimit,
                          Instant cooldownUntil, Duration latency, boolean probeHealthy) implements ProviderStatus {
    }

    @Override
    public int setConcurrency(String providerId, int limit, String reason) {
        synchronized (lock) {
            Slot s = slot(providerId);
            int applied = Math.max(1, Math.min(limit, s.limits.maxConcurrent()));
            int old = s.concurrency;
            if (applied != old) {
                s.concurrency = applied;
                events.emit(new RoutingEvent.ConcurrencyChanged(events.now(), s.id, old, applied, reason));
                signalAll();
            }
            return applied;
        }
    }

    @Override
    public void probeAll() {
        List<ProbeResult> results = new ArrayList<>();
        for (Slot s : slots) {
            ProbeResult r;
            try {
                r = s.provider.probe();
            } catch (RuntimeException e) {
                r = ProbeResult.down("probe threw " + e.getClass().getName());
            }
            results.add(r == null ? ProbeResult.down("probe returned null") : r);
        }
        synchronized (lock) {
            for (int i = 0; i < slots.length; i++) {
                slots[i].probeHealthy = results.get(i).healthy();
            }
            signalAll();
        }
    }

    @Override
    public List<Provider> providers() {
        List<Provider> out = new ArrayList<>(slots.length);
        for (Slot s : slots) {
            out.add(s.provider);
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public CostLedger costs() {
        return ledger;
    }

    @Override
    public String toString() {
        return "ProviderRouter" + byId.keySet();
    }
}
