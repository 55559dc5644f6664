package dev.supervisor.spring.boot.autoconfigure.provider;

import dev.supervisor.api.provider.Provider;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when there is a provider to route to: an entry under supervisor.providers.instances, or a Provider bean. */
class ProvidersConfiguredCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean configured = Binder.get(context.getEnvironment())
                .bind("supervisor.providers.instances", Bindable.mapOf(String.class, Object.class))
                .map(Map::size).orElse(0) > 0;
        if (configured) {
            return ConditionOutcome.match("supervisor.providers.instances has entries");
        }
        if (context.getBeanFactory() != null
                && context.getBeanFactory().getBeanNamesForType(Provider.class, true, false).length > 0) {
            return ConditionOutcome.match("found Provider beans");
        }
        return ConditionOutcome.noMatch("no supervisor.providers.instances entries and no Provider beans");
    }
}
