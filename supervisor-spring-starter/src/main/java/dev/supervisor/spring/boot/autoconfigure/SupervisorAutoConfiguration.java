package dev.supervisor.spring.boot.autoconfigure;

import static dev.supervisor.spring.boot.autoconfigure.PropertyChecks.set;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.spi.AttemptInterceptor;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.cron.CronSchedulerConfig;
import dev.supervisor.core.cron.ScheduleSpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The {@link Supervisor}, its {@link SupervisorConfig} from {@link SupervisorProperties}, a {@link CronScheduler}
 * running every {@link ScheduleSpec} bean, and the {@link SupervisorLifecycle} that drains them when the context
 * closes. Every {@link TaskHandler} bean is registered for the types it declares, every {@link AttemptInterceptor}
 * bean wraps each attempt (in bean order), and {@link SupervisorConfigCustomizer} beans adjust the rest. Runs stay in
 * memory unless {@code supervisor.store=jdbc} (see {@link SupervisorJdbcConfiguration}) or a {@link RunStore} bean
 * says otherwise. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBooleanProperty(name = "supervisor.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SupervisorProperties.class)
@Import(SupervisorJdbcConfiguration.class)
public class SupervisorAutoConfiguration {

    /**
     * @param props bound properties
     * @param store a run store bean, if any (the JDBC store with {@code supervisor.store=jdbc})
     * @param bus an event bus bean, if any
     * @param handlers task handler beans
     * @param interceptors attempt interceptor beans, outermost first
     * @param customizers adjustments made last
     * @return the supervisor configuration
     */
    @Bean
    @ConditionalOnMissingBean
    public SupervisorConfig supervisorConfig(SupervisorProperties props, ObjectProvider<RunStore> store,
                                             ObjectProvider<EventBus> bus, ObjectProvider<TaskHandler> handlers,
                                             ObjectProvider<AttemptInterceptor> interceptors,
                                             ObjectProvider<SupervisorConfigCustomizer> customizers) {
        SupervisorConfig.SupervisorConfigBuilder b = SupervisorConfig.builder();
        set("supervisor.node-id", props.getNodeId(), b::nodeId);
        set("supervisor.max-concurrency", props.getMaxConcurrency(), b::maxConcurrency);
        set("supervisor.max-active-runs", props.getMaxActiveRuns(), b::maxActiveRuns);
        set("supervisor.shutdown-deadline", props.getShutdownDeadline(), b::shutdownDeadline);
        set("supervisor.cancellation-grace", props.getCancellationGrace(), b::cancellationGrace);
        set("supervisor.discover-handlers", props.isDiscoverHandlers(), b::discoverHandlers);
        set("supervisor.retained-finished-runs", props.getRetainedFinishedRuns(), b::retainedFinishedRuns);
        set("supervisor.async-event-queue-capacity", props.getAsyncEventQueueCapacity(),
                b::asyncEventQueueCapacity);
        props.getTypeLimits().forEach((type, n) ->
                set("supervisor.type-limits." + type, n, v -> b.typeLimit(TaskType.of(type), v)));
        props.getTagLimits().forEach((tag, n) -> set("supervisor.tag-limits." + tag, n, v -> b.tagLimit(tag, v)));
        RunStore runStore = store.getIfAvailable();
        if (runStore != null) {
            b.runStore(runStore);
        }
        bus.ifAvailable(b::eventBus);
        if (props.getCluster().isEnabled()) {
            if (runStore == null) {
                throw PropertyChecks.invalid("supervisor.cluster.enabled", true, "cluster mode needs a store the "
                        + "nodes share: set supervisor.store=jdbc (or define a RunStore bean)");
            }
            b.cluster(clusterConfig(props.getCluster()));
        }
        handlers.orderedStream().forEach(h -> {
            if (h.types().isEmpty()) {
                throw new IllegalStateException("TaskHandler bean " + h.getClass().getName()
                        + " declares no types(); override types() to say which task types it serves");
            }
            h.types().forEach(t -> b.handler(t, h));
        });
        interceptors.orderedStream().forEach(b::interceptor);
        customizers.orderedStream().forEach(c -> c.customize(b));
        return b.build();
    }

    private static ClusterConfig clusterConfig(SupervisorProperties.Cluster c) {
        ClusterConfig.Builder b = ClusterConfig.builder();
        set("supervisor.cluster.lease", c.getLease(), b::lease);
        set("supervisor.cluster.poll-interval", c.getPollInterval(), b::pollInterval);
        set("supervisor.cluster.claim-batch", c.getClaimBatch(), b::claimBatch);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw PropertyChecks.invalid("supervisor.cluster.poll-interval", c.getPollInterval(), e.getMessage());
        }
    }

    /**
     * @param config the configuration
     * @param props bound properties
     * @return the supervisor; {@link SupervisorLifecycle} drains it when the context closes, and closing it again
     *         at destruction does nothing more
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Supervisor supervisor(SupervisorConfig config, SupervisorProperties props) {
        try {
            return Supervisor.create(config);
        } catch (IllegalArgumentException e) {
            if (props.getCluster().isEnabled()) { // the store cannot claim tasks
                throw PropertyChecks.invalid("supervisor.cluster.enabled", true, e.getMessage());
            }
            throw e;
        }
    }

    /**
     * @param props bound properties
     * @param store a schedule store bean, if any (the JDBC one with {@code supervisor.store=jdbc}), else in memory
     * @param specs schedule beans to add at start
     * @return the cron scheduler
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "supervisor.cron.enabled", matchIfMissing = true)
    public CronScheduler cronScheduler(SupervisorProperties props, ObjectProvider<ScheduleStore> store,
                                       ObjectProvider<ScheduleSpec> specs) {
        CronSchedulerConfig.Builder b = CronSchedulerConfig.builder().warmUp(props.getCron().isWarmUp());
        store.ifAvailable(b::store);
        CronScheduler scheduler = CronScheduler.create(b.build());
        specs.orderedStream().forEach(scheduler::add);
        return scheduler;
    }

    /**
     * @param supervisor the supervisor
     * @param cron the cron scheduler, if any
     * @param props bound properties
     * @return the lifecycle that stops scheduling and drains the supervisor when the context closes
     */
    @Bean
    @ConditionalOnMissingBean
    public SupervisorLifecycle supervisorLifecycle(Supervisor supervisor, ObjectProvider<CronScheduler> cron,
                                                   SupervisorProperties props) {
        return new SupervisorLifecycle(supervisor, cron.getIfAvailable(), props.getShutdownDeadline());
    }
}
