package dev.supervisor.api.plugin;

import dev.supervisor.api.event.SupervisorEvent;

/**
 * Tells people about runs and tasks (chat, e-mail, pager). The host delivers every lifecycle event that
 * {@link #accepts} on the plugin's threads, in publication order. Registering one needs {@code events}.
 */
public interface NotificationChannel {
    /**
     * @param event a run or task event
     * @return true to receive it (default: every event)
     */
    default boolean accepts(SupervisorEvent event) {
        return true;
    }

    /**
     * @param event an accepted event
     * @throws Exception if it could not be sent; counted towards the plugin's quarantine
     */
    void send(SupervisorEvent event) throws Exception;
}
