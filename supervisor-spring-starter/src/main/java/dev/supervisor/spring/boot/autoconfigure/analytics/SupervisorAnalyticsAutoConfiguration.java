package dev.supervisor.spring.boot.autoconfigure.analytics;

import dev.supervisor.analytics.metrics.MetricsCollector;
import dev.supervisor.analytics.series.LivePublisher;
import dev.supervisor.analytics.series.MetricStore;
import dev.supervisor.core.Supervisor;
import dev.supervisor.spring.boot.autoconfigure.PropertyChecks;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Analytics fed from the supervisor's events: a {@link MetricStore} (minute and hour series of task successes,
 * failures, retries, durations, queue waits and cost, for queries, live streams and exports) and a
 * {@link MetricsCollector} (per workflow, task type and provider: counts and latency percentiles).
 * {@code supervisor.analytics.enabled=false} switches it off. Anomaly detectors and forecasts are not configured
 * here yet: build them on the store's series with {@code dev.supervisor.analytics.anomaly} and
 * {@code dev.supervisor.analytics.forecast}.
 */
@AutoConfiguration(after = SupervisorAutoConfiguration.class)
@ConditionalOnClass(MetricStore.class)
@ConditionalOnBean(Supervisor.class)
@ConditionalOnBooleanProperty(name = "supervisor.analytics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AnalyticsProperties.class)
public class SupervisorAnalyticsAutoConfiguration {

    /** @param props bound properties @return the time series store */
    @Bean
    @ConditionalOnMissingBean
    public MetricStore supervisorMetricStore(AnalyticsProperties props) {
        try {
            return MetricStore.create(Clock.systemUTC(), props.getRetention(), props.getMinuteRetention(),
                    LivePublisher.builder().build());
        } catch (IllegalArgumentException e) {
            throw PropertyChecks.invalid("supervisor.analytics.retention", props.getRetention() + " / "
                    + props.getMinuteRetention(), e.getMessage());
        }
    }

    /** @return per-group statistics */
    @Bean
    @ConditionalOnMissingBean
    public MetricsCollector supervisorMetricsCollector() {
        return new MetricsCollector();
    }

    /**
     * @param supervisor the supervisor
     * @param store the time series
     * @param collector the per-group statistics
     * @return the subscriptions feeding them
     */
    @Bean
    @ConditionalOnMissingBean
    public SupervisorAnalyticsFeed supervisorAnalyticsFeed(Supervisor supervisor, MetricStore store,
                                                           MetricsCollector collector) {
        return new SupervisorAnalyticsFeed(supervisor, store, collector);
    }
}
