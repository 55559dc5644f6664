package dev.supervisor.spring.boot.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard at {@code /supervisor/}.
 *
 * @param enabled set to false to serve no dashboard (the REST API stays)
 * @param refresh how often the pages that have no live stream (runs list, schedules, metrics) read again
 */
@ConfigurationProperties("supervisor.dashboard")
public record DashboardProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration refresh) {
    /**
     * @throws IllegalArgumentException naming the property when the refresh is not at least a second
     */
    public DashboardProperties {
        if (refresh == null || refresh.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("supervisor.dashboard.refresh must be at least 1s but was " + refresh);
        }
    }
}
