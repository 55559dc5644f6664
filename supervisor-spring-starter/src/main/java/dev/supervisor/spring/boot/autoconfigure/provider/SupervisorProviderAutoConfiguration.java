package dev.supervisor.spring.boot.autoconfigure.provider;

import static dev.supervisor.spring.boot.autoconfigure.PropertyChecks.set;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CapacityAdvisor;
import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.RoutingListener;
import dev.supervisor.core.provider.Budget;
import dev.supervisor.core.provider.CircuitBreakerConfig;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.ProviderTaskHandler;
import dev.supervisor.core.provider.RouterConfig;
import dev.supervisor.spring.boot.autoconfigure.PropertyChecks;
import dev.supervisor.spring.boot.autoconfigure.SupervisorConfigCustomizer;
import java.math.BigDecimal;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * A {@link ProviderRouter} (and its {@link RouterConfig}) over the providers of {@code supervisor.providers.instances} and the application's
 * {@link Provider} beans, with every {@link RoutingListener} bean (the provider meters among them) and a
 * {@link CapacityAdvisor} bean if there is one; the task types of {@code supervisor.providers.task-types} run
 * through it ({@link ProviderTaskHandler}). Only when there is a provider; {@code supervisor.providers.enabled=false}
 * switches it off.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = {"supervisor.enabled", "supervisor.providers.enabled"}, matchIfMissing = true)
@EnableConfigurationProperties(ProviderProperties.class)
public class SupervisorProviderAutoConfiguration {

    /**
     * @param props bound properties
     * @param providers provider beans, registered after the configured ones (priority 1, weight 1)
     * @param listeners routing listener beans
     * @param advisor a capacity advisor bean, if any
     * @return the router's configuration
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(ProvidersConfiguredCondition.class)
    public RouterConfig providerRouterConfig(ProviderProperties props, ObjectProvider<Provider> providers,
                                             ObjectProvider<RoutingListener> listeners,
                                             ObjectProvider<CapacityAdvisor> advisor) {
        String at = "supervisor.providers.";
        RouterConfig.Builder b = RouterConfig.builder();
        props.getInstances().forEach((id, p) -> set(at + "instances." + id, p,
                v -> b.provider(ProviderFactory.create(id, v), v.priority(), v.weight())));
        providers.orderedStream().forEach(b::provider);
        set(at + "strategy", props.getStrategy(), b::strategy);
        set(at + "max-providers", props.getMaxProviders(), b::maxProviders);
        set(at + "max-wait", props.getMaxWait(), b::maxWait);
        set(at + "default-cooldown", props.getDefaultCooldown(), b::defaultCooldown);
        set(at + "exhaustion", props.getExhaustion(), b::exhaustion);
        set(at + "defer-below", props.getDeferBelow(), b::deferBelow);
        set(at + "zone", props.getZone(), b::zone);
        set(at + "circuit-breaker", props.getCircuitBreaker(), c -> b.circuitBreaker(breaker(c)));
        ProviderProperties.Budgets budget = props.getBudget();
        budget(b, budget, "per-run", budget.getPerRun(), Budget::perRun);
        budget(b, budget, "per-workflow", budget.getPerWorkflow(), Budget::perWorkflow);
        budget(b, budget, "per-tenant", budget.getPerTenant(), Budget::perTenant);
        budget(b, budget, "per-day", budget.getPerDay(), Budget::perDay);
        listeners.orderedStream().forEach(b::listener);
        advisor.ifAvailable(b::advisor);
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw PropertyChecks.invalid("supervisor.providers", "", e.getMessage());
        }
    }

    /**
     * @param config the router's configuration
     * @return the router
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(ProvidersConfiguredCondition.class)
    public ProviderRouter providerRouter(RouterConfig config) {
        return ProviderRouter.create(config);
    }

    private static CircuitBreakerConfig breaker(ProviderProperties.Breaker c) {
        String at = "supervisor.providers.circuit-breaker.";
        CircuitBreakerConfig.Builder b = CircuitBreakerConfig.builder();
        set(at + "consecutive-failures", c.getConsecutiveFailures(), b::consecutiveFailures);
        set(at + "failure-rate", c.getFailureRate(), b::failureRate);
        set(at + "window-size", c.getWindowSize(), b::windowSize);
        set(at + "minimum-calls", c.getMinimumCalls(), b::minimumCalls);
        set(at + "open-duration", c.getOpenDuration(), b::openDuration);
        set(at + "half-open-calls", c.getHalfOpenCalls(), b::halfOpenCalls);
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw PropertyChecks.invalid("supervisor.providers.circuit-breaker", "", e.getMessage());
        }
    }

    private static void budget(RouterConfig.Builder b, ProviderProperties.Budgets budget, String name,
                               BigDecimal limit, Function<Money, Budget> scope) {
        set("supervisor.providers.budget." + name, limit, l ->
                b.budget(scope.apply(Money.of(l.toPlainString(), budget.getCurrency()))));
    }

    /**
     * @param props bound properties
     * @param router the router, if there is one
     * @return what registers the router as the handler of each routed task type
     */
    @Bean
    @ConditionalOnMissingBean(name = "supervisorProviderHandlers")
    public SupervisorConfigCustomizer supervisorProviderHandlers(ProviderProperties props,
                                                                 ObjectProvider<ProviderRouter> router) {
        return b -> {
            if (props.getTaskTypes().isEmpty()) {
                return;
            }
            ProviderRouter r = router.getIfAvailable();
            if (r == null) {
                throw PropertyChecks.invalid("supervisor.providers.task-types", props.getTaskTypes(), "there is no "
                        + "provider to route them to: add supervisor.providers.instances entries or Provider beans");
            }
            ProviderTaskHandler handler = ProviderTaskHandler.of(r);
            props.getTaskTypes().forEach(t -> set("supervisor.providers.task-types", t,
                    type -> b.handler(TaskType.of(type), handler)));
        };
    }
}
