package dev.supervisor.spring.boot.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The REST API under {@code /supervisor/api}.
 *
 * @param enabled set to false to serve no API
 * @param events how run events are streamed to clients
 */
@ConfigurationProperties("supervisor.api")
public record SupervisorApiProperties(@DefaultValue("true") boolean enabled, @DefaultValue Events events) {

    /**
     * Server-Sent Event streams of run events.
     *
     * @param buffer events buffered per client; a client that falls further behind is told to reconnect
     * @param timeout how long one stream may stay open before the client reconnects
     * @param heartbeat how often an idle stream gets a comment (keeps proxies from closing it)
     * @param writers threads that write events to clients
     */
    public record Events(@DefaultValue("256") int buffer, @DefaultValue("30m") Duration timeout,
                         @DefaultValue("15s") Duration heartbeat, @DefaultValue("4") int writers) {
        /**
         * @throws IllegalArgumentException naming the property when a value is out of range
         */
        public Events {
            if (buffer < 1) {
                throw new IllegalArgumentException("supervisor.api.events.buffer must be positive but was " + buffer);
            }
            if (writers < 1) {
                throw new IllegalArgumentException("supervisor.api.events.writers must be positive but was "
                        + writers);
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("supervisor.api.events.timeout must be positive but was "
                        + timeout);
            }
            if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
                throw new IllegalArgumentException("supervisor.api.events.heartbeat must be positive but was "
                        + heartbeat);
            }
        }
    }
}
