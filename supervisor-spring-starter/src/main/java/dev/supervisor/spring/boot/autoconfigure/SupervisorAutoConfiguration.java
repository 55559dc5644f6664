package dev.supervisor.spring.boot.autoconfigure;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates a {@link SupervisorConfig} from {@link SupervisorProperties} and every {@link TaskHandler} bean (each
 * registered for the types its {@link TaskHandler#types()} declares), and a {@link Supervisor} closed with the
 * context. Both beans back off when the application defines its own.
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
}
