package dev.supervisor.api.provider;

/**
 * Receives every {@link RoutingEvent} of a router, on the thread that caused it, in order. Must be fast and must
 * not call back into the router; an exception thrown here is logged and ignored.
 */
@FunctionalInterface
public interface RoutingListener {
    /**
     * @param event what happened
     */
    void onEvent(RoutingEvent event);
}
