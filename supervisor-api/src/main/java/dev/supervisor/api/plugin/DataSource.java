package dev.supervisor.api.plugin;

import java.util.Map;

/**
 * Answers queries for data under a name that is unique in the host (for example a task reading reference data).
 */
public interface DataSource {
    /** @return the name the host finds it by */
    String name();

    /**
     * @param query JSON-compatible parameters
     * @return a JSON-compatible answer (copied by the host)
     * @throws Exception on failure; counted towards the plugin's quarantine
     */
    Object read(Map<String, Object> query) throws Exception;
}
