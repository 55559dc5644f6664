package dev.supervisor.spring.boot.autoconfigure.tracing;

import dev.supervisor.core.Supervisor;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Observations (spans, with a tracing bridge such as {@code micrometer-tracing-bridge-otel}) of runs and attempts,
 * when the application has an {@link ObservationRegistry}; {@code supervisor.tracing.enabled=false} switches them
 * off. The interceptor is an {@link dev.supervisor.api.spi.AttemptInterceptor} bean, so the auto-configured
 * supervisor wraps every attempt with it.
 */
@AutoConfiguration(after = SupervisorAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean({Supervisor.class, ObservationRegistry.class})
@ConditionalOnBooleanProperty(name = "supervisor.tracing.enabled", matchIfMissing = true)
public class SupervisorObservationAutoConfiguration {

    /**
     * @param registry the application's observation registry
     * @return the interceptor observing every attempt
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ObservationAttemptInterceptor supervisorObservationInterceptor(ObservationRegistry registry) {
        return new ObservationAttemptInterceptor(registry);
    }

    /**
     * @param interceptor the interceptor
     * @param supervisor the supervisor whose runs it follows
     * @return what subscribes the interceptor to the supervisor's run events once the context's beans exist
     */
    @Bean
    public SmartInitializingSingleton supervisorObservationFollower(ObservationAttemptInterceptor interceptor,
                                                                    Supervisor supervisor) {
        return () -> interceptor.follow(supervisor);
    }
}
