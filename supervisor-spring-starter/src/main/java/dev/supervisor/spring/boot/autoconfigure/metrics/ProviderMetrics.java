package dev.supervisor.spring.boot.autoconfigure.metrics;

import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.PROVIDER_CALLS;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.PROVIDER_CALL_DURATION;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.PROVIDER_CIRCUIT_STATE;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.PROVIDER_CIRCUIT_TRANSITIONS;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.PROVIDER_COST;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.PROVIDER_TOKENS;

import dev.supervisor.api.provider.CircuitState;
import dev.supervisor.api.provider.RoutingEvent;
import dev.supervisor.api.provider.RoutingListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Provider meters from the router's events: calls by outcome, call durations, circuit transitions and the current
 * circuit state, tokens and money. It is a {@link RoutingListener} (the auto-configured router gets every such
 * bean) and a {@link MeterBinder}; events that arrive before a registry is bound are not counted.
 */
public class ProviderMetrics implements RoutingListener, MeterBinder {
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private volatile MeterRegistry registry;
    private final Map<String, AtomicInteger> circuits = new ConcurrentHashMap<>();

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(RoutingEvent event) {
        MeterRegistry r = registry;
        if (r == null) {
            return;
        }
        if (event instanceof RoutingEvent.AttemptSucceeded e) {
            counter(r, PROVIDER_CALLS, Tags.of("provider", e.providerId(), "outcome", "SUCCESS")).increment();
            Timer.builder(PROVIDER_CALL_DURATION).tags("provider", e.providerId()).publishPercentiles(PERCENTILES)
                    .register(r).record(e.duration());
            if (e.usage() != null) {
                counter(r, PROVIDER_TOKENS, Tags.of("provider", e.providerId(), "direction", "input"))
                        .increment(e.usage().input());
                counter(r, PROVIDER_TOKENS, Tags.of("provider", e.providerId(), "direction", "output"))
                        .increment(e.usage().output());
            }
            if (e.cost() != null) {
                counter(r, PROVIDER_COST, Tags.of("provider", e.providerId(), "currency",
                        e.cost().currency().getCurrencyCode())).increment(e.cost().amount().doubleValue());
            }
        } else if (event instanceof RoutingEvent.AttemptFailed e) {
            counter(r, PROVIDER_CALLS, Tags.of("provider", e.providerId(), "outcome", e.kind().name())).increment();
        } else if (event instanceof RoutingEvent.CircuitTransition e) {
            counter(r, PROVIDER_CIRCUIT_TRANSITIONS, Tags.of("provider", e.providerId(), "from", e.from().name(),
                    "to", e.to().name())).increment();
            circuits.computeIfAbsent(e.providerId(), id -> {
                AtomicInteger state = new AtomicInteger();
                Gauge.builder(PROVIDER_CIRCUIT_STATE, state, AtomicInteger::get).tag("provider", id)
                        .description("0 closed, 1 half-open, 2 open").register(r);
                return state;
            }).set(level(e.to()));
        }
    }

    private static int level(CircuitState s) {
        return switch (s) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }

    private static Counter counter(MeterRegistry r, String name, Tags tags) {
        return Counter.builder(name).tags(tags).register(r);
    }
}
