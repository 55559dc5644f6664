package dev.supervisor.api.plugin;

import dev.supervisor.api.event.SupervisorEvent;

/**
 * Measures runs and tasks: receives every lifecycle event on the plugin's threads, in publication order.
 * Registering one needs {@code events}.
 */
@FunctionalInterface
public interface AnalyticsConsumer {
    /**
     * @param event a run or task event
     * @throws Exception on failure; counted towards the plugin's quarantine
     */
    void accept(SupervisorEvent event) throws Exception;
}
