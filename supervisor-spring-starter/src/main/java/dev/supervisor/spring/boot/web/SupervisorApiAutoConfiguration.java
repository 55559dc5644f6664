package dev.supervisor.spring.boot.web;

import dev.supervisor.analytics.forecast.Forecaster;
import dev.supervisor.analytics.series.MetricStore;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.auth.audit.AuditLog;
import dev.supervisor.auth.rbac.PresetRoles;
import dev.supervisor.auth.rbac.RbacPolicy;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.plugin.PluginHost;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import dev.supervisor.spring.boot.autoconfigure.security.SupervisorSecurityAutoConfiguration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the REST API under {@value #BASE_PATH} in a Spring MVC application that has a {@link Supervisor}
 * ({@code supervisor.api.enabled=false} switches it off). Each endpoint checks its {@link ApiPermission} through
 * the {@link ApiAccess} bean (by default the roles of an {@link RbacPolicy} bean, by default
 * {@link PresetRoles#policy()}); a failed check is recorded in the {@link AuditLog} bean when there is one. Parts
 * backed by optional beans (cron scheduler, provider router, metric store, audit trail, plugin host) answer 501
 * while the bean is missing.
 */
@AutoConfiguration(after = {SupervisorAutoConfiguration.class, SupervisorSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(prefix = "supervisor.api", name = "enabled", matchIfMissing = true)
@ConditionalOnBean(Supervisor.class)
@EnableConfigurationProperties(SupervisorApiProperties.class)
@Import(ApiDocumentation.class)
public class SupervisorApiAutoConfiguration {
    /** Where the API is served. */
    public static final String BASE_PATH = "/supervisor/api";

    /** @return the preset roles: admin, user, api_user, viewer (the security's policy when it is on) */
    @Bean
    @ConditionalOnMissingBean
    public RbacPolicy supervisorRbacPolicy() {
        return PresetRoles.policy();
    }

    /**
     * @param policy the roles
     * @return callers and decisions from the policy
     */
    @Bean
    @ConditionalOnMissingBean
    public ApiAccess supervisorApiAccess(RbacPolicy policy) {
        return ApiAccess.rbac(policy);
    }

    /**
     * @param access callers and decisions
     * @param audit where refusals are recorded, if anywhere
     * @return the permission check on every API path
     */
    @Bean
    public WebMvcConfigurer supervisorApiPermissions(ApiAccess access, ObjectProvider<AuditLog> audit) {
        PermissionInterceptor interceptor = new PermissionInterceptor(access, audit.getIfAvailable());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns(BASE_PATH, BASE_PATH + "/**");
            }
        };
    }

    /** @return the API's problem details */
    @Bean
    public ApiErrors supervisorApiErrors() {
        return new ApiErrors();
    }

    @Bean
    EventStreamThreads supervisorApiEventThreads(SupervisorApiProperties props) {
        return new EventStreamThreads(props.events().writers());
    }

    @Bean(destroyMethod = "close")
    RunEventStreams supervisorRunEventStreams(Supervisor supervisor, SupervisorApiProperties props,
                                              EventStreamThreads threads) {
        RunEventStreams streams = new RunEventStreams(supervisor, props.events().buffer(), threads.writers);
        long every = props.events().heartbeat().toMillis();
        threads.timer.scheduleAtFixedRate(streams::heartbeat, every, every, TimeUnit.MILLISECONDS);
        return streams;
    }

    /**
     * @param supervisor the engine
     * @param stores a run store bean, if any
     * @param configs the supervisor's configuration, whose store is used when there is no store bean
     * @return the run endpoints
     */
    @Bean
    public RunsController supervisorRunsController(Supervisor supervisor, ObjectProvider<RunStore> stores,
                                                   ObjectProvider<SupervisorConfig> configs) {
        return new RunsController(supervisor, store(stores, configs));
    }

    @Bean
    RunEventsController supervisorRunEventsController(Supervisor supervisor, ObjectProvider<RunStore> stores,
                                                      ObjectProvider<SupervisorConfig> configs,
                                                      RunEventStreams streams, SupervisorApiProperties props) {
        return new RunEventsController(supervisor, store(stores, configs), streams, props.events().timeout());
    }

    /**
     * @param supervisor the engine fires submit to
     * @param schedulers the cron scheduler bean, if any
     * @return the schedule endpoints
     */
    @Bean
    public SchedulesController supervisorSchedulesController(Supervisor supervisor,
                                                             ObjectProvider<CronScheduler> schedulers) {
        return new SchedulesController(supervisor, schedulers);
    }

    /**
     * @param routers the provider router bean, if any
     * @return the provider endpoints
     */
    @Bean
    public ProvidersController supervisorProvidersController(ObjectProvider<ProviderRouter> routers) {
        return new ProvidersController(routers);
    }

    /**
     * @param hosts the plugin host bean, if any
     * @return the plugin endpoints
     */
    @Bean
    public PluginsController supervisorPluginsController(ObjectProvider<PluginHost> hosts) {
        return new PluginsController(hosts);
    }

    /**
     * @param stores the metric store bean, if any
     * @param forecasters a forecaster bean, if any
     * @return the analytics endpoints
     */
    @Bean
    public AnalyticsController supervisorAnalyticsController(ObjectProvider<MetricStore> stores,
                                                             ObjectProvider<Forecaster> forecasters) {
        return new AnalyticsController(stores, forecasters);
    }

    /**
     * @param trails the audit trail bean, if any
     * @return the audit endpoint
     */
    @Bean
    public AuditController supervisorAuditController(ObjectProvider<AuditTrail> trails) {
        return new AuditController(trails);
    }

    private static RunStore store(ObjectProvider<RunStore> stores, ObjectProvider<SupervisorConfig> configs) {
        RunStore bean = stores.getIfUnique();
        if (bean != null) {
            return bean;
        }
        SupervisorConfig config = configs.getIfUnique();
        return config == null ? null : config.runStore().orElse(null);
    }

    /** The threads that write events to clients and send heartbeats; stopped with the context. */
    static final class EventStreamThreads implements DisposableBean {
        final ExecutorService writers;
        final ScheduledExecutorService timer;

        EventStreamThreads(int writers) {
            this.writers = Executors.newFixedThreadPool(writers, daemon("supervisor-api-events-"));
            this.timer = Executors.newSingleThreadScheduledExecutor(daemon("supervisor-api-heartbeat-"));
        }

        private static CustomizableThreadFactory daemon(String prefix) {
            CustomizableThreadFactory f = new CustomizableThreadFactory(prefix);
            f.setDaemon(true);
            return f;
        }

        @Override
        public void destroy() {
            timer.shutdownNow();
            writers.shutdownNow();
        }
    }
}
