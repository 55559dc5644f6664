package dev.supervisor.core.provider.internal;

import dev.supervisor.api.provider.CircuitState;
import dev.supervisor.api.provider.QuotaResource;
import dev.supervisor.api.provider.QuotaWindow;
import dev.supervisor.api.provider.RoutingEvent;
import dev.supervisor.api.provider.RoutingListener;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to the listeners in order; a listener that throws is logged and skipped. */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final List<RoutingListener> listeners;
    private final Clock clock;

    Events(List<RoutingListener> listeners, Clock clock) {
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    void emit(RoutingEvent event) {
        for (RoutingListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("routing listener {} failed on {}", l, event.getClass().getSimpleName(), e);
            }
        }
    }

    void quota(String scope, QuotaWindow window, QuotaResource resource, int percent, long used, long limit) {
        emit(new RoutingEvent.QuotaThresholdCrossed(now(), scope, window, resource, percent, used, limit));
    }

    void circuit(String providerId, CircuitState from, CircuitState to, String reason) {
        emit(new RoutingEvent.CircuitTransition(now(), providerId, from, to, reason));
    }
}
