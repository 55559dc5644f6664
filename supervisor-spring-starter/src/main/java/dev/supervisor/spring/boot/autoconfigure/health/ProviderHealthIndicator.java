package dev.supervisor.spring.boot.autoconfigure.health;

import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.ProviderStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One provider's circuit. A closed circuit is UP; an open or half-open one has its own status
 * ({@link #CIRCUIT_OPEN}, {@link #CIRCUIT_HALF_OPEN}) so that it shows without taking the application's health
 * down: the router fails over to the other providers meanwhile. Add them to
 * {@code management.endpoint.health.status.order} to make them count.
 */
public class ProviderHealthIndicator implements HealthIndicator {
    /** The provider's circuit is open: calls go to the others until a trial succeeds. */
    public static final Status CIRCUIT_OPEN = new Status("CIRCUIT_OPEN");
    /** The provider's circuit lets trial calls through. */
    public static final Status CIRCUIT_HALF_OPEN = new Status("CIRCUIT_HALF_OPEN");

    private final ProviderRouter router;
    private final String providerId;

    /**
     * @param router the router
     * @param providerId the provider
     */
    public ProviderHealthIndicator(ProviderRouter router, String providerId) {
        this.router = router;
        this.providerId = providerId;
    }

    @Override
    public Health health() {
        ProviderStatus s = router.status(providerId);
        Status status = switch (s.circuit()) {
            case CLOSED -> Status.UP;
            case OPEN -> CIRCUIT_OPEN;
            case HALF_OPEN -> CIRCUIT_HALF_OPEN;
        };
        Health.Builder h = Health.status(status).withDetail("circuit", s.circuit().name())
                .withDetail("inFlight", s.inFlight()).withDetail("concurrencyLimit", s.concurrencyLimit())
                .withDetail("probeHealthy", s.probeHealthy());
        s.cooldown().ifPresent(until -> h.withDetail("coolingDownUntil", until.toString()));
        return h.build();
    }
}
