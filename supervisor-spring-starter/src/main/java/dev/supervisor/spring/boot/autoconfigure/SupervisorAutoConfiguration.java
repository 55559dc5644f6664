package dev.supervisor.spring.boot.autoconfigure;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.cron.CronSchedulerConfig;
import dev.supervisor.core.cron.ScheduleSpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates a {@link SupervisorConfig} from {@link SupervisorProperties} and every {@link TaskHandler} bean (each
 * registered for the types its {@link TaskHandler#types()} declares), and a {@link Supervisor} closed with the
 * context, and a {@link CronScheduler} that adds every {@link ScheduleSpec} bean (state in a {@link ScheduleStore}
 * bean if there is one, else in memory). Every bean backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "supervisor", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SupervisorProperties.class)
public class SupervisorAutoConfiguration {

    /**
     * @param props bound properties
     * @param handlers task handler beans
     * @return the supervisor configuration
     */
    @Bean
    @ConditionalOnMissingBean
    public SupervisorConfig supervisorConfig(SupervisorProperties props, ObjectProvider<TaskHandler> handlers) {
        SupervisorConfig.SupervisorConfigBuilder b = SupervisorConfig.builder();
        if (props.maxConcurrency() != null) {
            b.maxConcurrency(props.maxConcurrency());
        }
        if (props.maxActiveRuns() != null) {
            b.maxActiveRuns(props.maxActiveRuns());
        }
        if (props.shutdownDeadline() != null) {
            b.shutdownDeadline(props.shutdownDeadline());
        }
        if (props.cancellationGrace() != null) {
            b.cancellationGrace(props.cancellationGrace());
        }
        if (props.nodeId() != null) {
            b.nodeId(props.nodeId());
        }
        if (props.discoverHandlers() != null) {
            b.discoverHandlers(props.discoverHandlers());
        }
        if (props.typeLimits() != null) {
            props.typeLimits().forEach((t, n) -> b.typeLimit(TaskType.of(t), n));
        }
        if (props.tagLimits() != null) {
            props.tagLimits().forEach(b::tagLimit);
        }
        handlers.orderedStream().forEach(h -> {
            if (h.types().isEmpty()) {
                throw new IllegalStateException("TaskHandler bean " + h.getClass().getName()
                        + " declares no types(); override types() to say which task types it serves");
            }
            h.types().forEach(t -> b.handler(t, h));
        });
        return b.build();
    }

    /**
     * @param config the configuration
     * @return the supervisor, closed (gracefully) with the application context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Supervisor supervisor(SupervisorConfig config) {
        return Supervisor.create(config);
    }

    /**
     * @param store a shared schedule store bean, if any
     * @param specs schedule beans to add at start
     * @return the cron scheduler, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public CronScheduler cronScheduler(ObjectProvider<ScheduleStore> store, ObjectProvider<ScheduleSpec> specs) {
        CronSchedulerConfig.Builder b = CronSchedulerConfig.builder();
        store.ifAvailable(b::store);
        CronScheduler scheduler = CronScheduler.create(b.build());
        specs.orderedStream().forEach(scheduler::add);
        return scheduler;
    }
}
