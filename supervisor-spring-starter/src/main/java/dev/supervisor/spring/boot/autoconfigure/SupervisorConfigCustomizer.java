package dev.supervisor.spring.boot.autoconfigure;

import dev.supervisor.core.SupervisorConfig;

/**
 * Adjusts the auto-configured {@link SupervisorConfig} before it is built: a bean of this type can set what
 * properties cannot express (an executor, a clock, expression host functions...). Customizers run in bean order,
 * after the properties, handlers and interceptors are applied.
 */
@FunctionalInterface
public interface SupervisorConfigCustomizer {
    /**
     * @param builder the builder, with the properties already applied (each option may be set once)
     */
    void customize(SupervisorConfig.SupervisorConfigBuilder builder);
}
