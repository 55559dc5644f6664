package dev.supervisor.spring.boot.autoconfigure.analytics;

import dev.supervisor.analytics.metrics.MetricsCollector;
import dev.supervisor.analytics.series.MetricStore;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.core.Supervisor;
import java.util.List;

/**
 * Feeds the supervisor's events to the analytics (on the publishing thread, so none is dropped) until the context
 * closes.
 */
public class SupervisorAnalyticsFeed implements AutoCloseable {
    private final List<Subscription> subscriptions;

    /**
     * @param supervisor the supervisor whose events are recorded
     * @param store the time series
     * @param collector the per-group statistics
     */
    public SupervisorAnalyticsFeed(Supervisor supervisor, MetricStore store, MetricsCollector collector) {
        this.subscriptions = List.of(supervisor.events().subscribe(SupervisorEvent.class, store.recorder()),
                supervisor.events().subscribe(SupervisorEvent.class, collector));
    }

    /** Stops feeding. */
    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }
}
