package dev.supervisor.spring.boot.autoconfigure.metrics;

import dev.supervisor.core.Supervisor;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of the supervisor and of the provider router, when Micrometer is on the class path
 * ({@code supervisor.metrics.enabled=false} switches them off). Boot binds them to every meter registry, so they
 * are scraped at {@code /actuator/prometheus} with the Prometheus registry.
 */
@AutoConfiguration(after = SupervisorAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(Supervisor.class)
@ConditionalOnBooleanProperty(name = "supervisor.metrics.enabled", matchIfMissing = true)
public class SupervisorMetricsAutoConfiguration {

    /**
     * @param supervisor the supervisor
     * @return its meters
     */
    @Bean
    @ConditionalOnMissingBean
    public SupervisorMetrics supervisorMetrics(Supervisor supervisor) {
        return new SupervisorMetrics(supervisor);
    }

    /** @return the provider router's meters (a routing listener) */
    @Bean
    @ConditionalOnMissingBean
    public ProviderMetrics supervisorProviderMetrics() {
        return new ProviderMetrics();
    }
}
