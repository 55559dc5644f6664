package dev.supervisor.spring.boot.autoconfigure.health;

import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.SupervisorStats;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The engine: UP while it accepts runs, OUT_OF_SERVICE once it is shutting down; details are its counts and, in
 * cluster mode, the lease (its claims are renewed every third of the lease while it is UP) and the configured node
 * id.
 */
public class SupervisorHealthIndicator implements HealthIndicator {
    private final Supervisor supervisor;
    private final SupervisorConfig config;
    private final String nodeId;

    /**
     * @param supervisor the supervisor
     * @param config its configuration
     * @param nodeId the configured node id, or null
     */
    public SupervisorHealthIndicator(Supervisor supervisor, SupervisorConfig config, String nodeId) {
        this.supervisor = supervisor;
        this.config = config;
        this.nodeId = nodeId;
    }

    @Override
    public Health health() {
        SupervisorStats s = supervisor.stats();
        Health.Builder h = s.accepting() ? Health.up() : Health.outOfService();
        h.withDetail("mode", config.cluster().isPresent() ? "cluster" : config.runStore().isPresent() ? "durable"
                : "memory")
                .withDetail("activeRuns", s.activeRuns())
                .withDetail("runningAttempts", s.runningAttempts())
                .withDetail("queuedTasks", s.queuedTasks())
                .withDetail("maxConcurrency", s.maxConcurrency());
        config.cluster().ifPresent(c -> h.withDetail("lease", c.lease().toString()));
        if (nodeId != null) {
            h.withDetail("nodeId", nodeId);
        }
        return h.build();
    }
}
