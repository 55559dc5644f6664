package dev.supervisor.spring.boot.autoconfigure.health;

import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.RouterConfig;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import dev.supervisor.spring.boot.autoconfigure.SupervisorLifecycle;
import dev.supervisor.spring.boot.autoconfigure.SupervisorProperties;
import dev.supervisor.spring.boot.autoconfigure.provider.SupervisorProviderAutoConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator health of the engine ({@code supervisor}), its JDBC store ({@code supervisorStore}: reachable, schema
 * current), the cron scheduler ({@code supervisorCron}) and each provider's circuit ({@code supervisorProviders}),
 * switched by {@code management.health.supervisor.enabled}; and {@code supervisor} in {@code /actuator/info}
 * (versions, time-zone database), switched by {@code management.info.supervisor.enabled}.
 */
@AutoConfiguration(after = {SupervisorAutoConfiguration.class, SupervisorProviderAutoConfiguration.class})
@ConditionalOnBean(Supervisor.class)
public class SupervisorHealthAutoConfiguration {

    /** Health contributors (Boot's health module present). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("supervisor")
    static class HealthContributors {
        @Bean
        @ConditionalOnMissingBean(name = "supervisorHealthIndicator")
        SupervisorHealthIndicator supervisorHealthIndicator(Supervisor supervisor, SupervisorConfig config,
                                                            ObjectProvider<SupervisorProperties> props) {
            return new SupervisorHealthIndicator(supervisor, config, nodeId(props));
        }

        @Bean
        @ConditionalOnMissingBean(name = "supervisorStoreHealthIndicator")
        @ConditionalOnProperty(name = "supervisor.store", havingValue = "jdbc")
        @ConditionalOnBean(DataSource.class)
        SupervisorStoreHealthIndicator supervisorStoreHealthIndicator(DataSource dataSource) {
            return new SupervisorStoreHealthIndicator(dataSource);
        }

        @Bean
        @ConditionalOnMissingBean(name = "supervisorCronHealthIndicator")
        @ConditionalOnBean({CronScheduler.class, SupervisorLifecycle.class})
        CronSchedulerHealthIndicator supervisorCronHealthIndicator(CronScheduler cron,
                                                                   SupervisorLifecycle lifecycle) {
            return new CronSchedulerHealthIndicator(cron, lifecycle);
        }

        @Bean
        @ConditionalOnMissingBean(name = "supervisorProvidersHealthContributor")
        @ConditionalOnBean({ProviderRouter.class, RouterConfig.class})
        CompositeHealthContributor supervisorProvidersHealthContributor(ProviderRouter router, RouterConfig config) {
            Map<String, ProviderHealthIndicator> each = new LinkedHashMap<>();
            config.providers().forEach(e -> each.put(e.provider().id(),
                    new ProviderHealthIndicator(router, e.provider().id())));
            return CompositeHealthContributor.fromMap(each);
        }
    }

    /** The info contributor (Boot's actuator present). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(InfoContributor.class)
    @ConditionalOnBooleanProperty(name = "management.info.supervisor.enabled", matchIfMissing = true)
    static class InfoContributors {
        @Bean
        @ConditionalOnMissingBean(name = "supervisorInfoContributor")
        SupervisorInfoContributor supervisorInfoContributor(SupervisorConfig config,
                                                            ObjectProvider<SupervisorProperties> props) {
            return new SupervisorInfoContributor(config, nodeId(props));
        }
    }

    private static String nodeId(ObjectProvider<SupervisorProperties> props) {
        SupervisorProperties p = props.getIfAvailable();
        return p == null ? null : p.getNodeId();
    }
}
