package dev.supervisor.spring.boot.autoconfigure.health;

import dev.supervisor.core.jdbc.JdbcStores;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The JDBC store: DOWN when the database cannot be reached, or when its schema is not this Supervisor's version. */
public class SupervisorStoreHealthIndicator implements HealthIndicator {
    private final DataSource dataSource;

    /** @param dataSource the database the stores use */
    public SupervisorStoreHealthIndicator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        int expected = JdbcStores.schemaVersion();
        int at;
        try {
            at = JdbcStores.databaseSchemaVersion(dataSource);
        } catch (RuntimeException e) {
            return Health.down(e).withDetail("expectedSchemaVersion", expected).build();
        }
        return (at == expected ? Health.up() : Health.down()).withDetail("schemaVersion", at)
                .withDetail("expectedSchemaVersion", expected).build();
    }
}
