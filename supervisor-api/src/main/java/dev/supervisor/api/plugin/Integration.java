package dev.supervisor.api.plugin;

/**
 * Receives inbound webhooks under a name that is unique in the host; the host's web layer passes requests on.
 * Outbound calls go through {@link PluginContext#http()}.
 */
public interface Integration {
    /** @return the name the host routes webhooks by */
    String name();

    /**
     * @param request the inbound request
     * @return the answer
     * @throws Exception on failure; the host answers 500 and counts it towards the plugin's quarantine
     */
    WebhookResponse receive(WebhookRequest request) throws Exception;
}
