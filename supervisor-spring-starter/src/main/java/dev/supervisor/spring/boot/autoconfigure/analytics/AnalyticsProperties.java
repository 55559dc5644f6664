package dev.supervisor.spring.boot.autoconfigure.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The in-memory metric store fed from the supervisor's events, under {@code supervisor.analytics.*}. */
@ConfigurationProperties("supervisor.analytics")
public class AnalyticsProperties {
    /** Record the supervisor's events as time series. */
    private boolean enabled = true;
    /** How long hourly buckets are kept (at least 1 hour). */
    private Duration retention = Duration.ofDays(7);
    /** How long minute buckets are kept (at least 1 minute, at most the retention). */
    private Duration minuteRetention = Duration.ofHours(24);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public Duration getMinuteRetention() {
        return minuteRetention;
    }

    public void setMinuteRetention(Duration minuteRetention) {
        this.minuteRetention = minuteRetention;
    }
}
