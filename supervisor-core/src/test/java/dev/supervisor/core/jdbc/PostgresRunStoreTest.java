package dev.supervisor.core.jdbc;

import dev.supervisor.api.spi.RunStore;
import dev.supervisor.testkit.TaskClaimsContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;

/** Every contract on a real PostgreSQL. Time passes for the store by moving its leases and back-offs back. */
class PostgresRunStoreTest extends TaskClaimsContract {
    private final Map<RunStore, DataSource> databases = new WeakHashMap<>();

    @Override
    protected RunStore store() {
        DataSource ds = Databases.postgres();
        RunStore store = JdbcStores.runStore(ds);
        databases.put(store, ds);
        return store;
    }

    @Override
    protected void passTime(RunStore store, Duration d) {
        long nanos = d.toNanos();
        try (Connection c = databases.get(store).getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE sup_task SET lease_expiry = lease_expiry - " + nanos + ", not_before = not_before - "
                    + nanos + ", started_at = started_at - " + nanos);
            s.execute("UPDATE sup_run SET owner_expiry = owner_expiry - " + nanos + ", created_at = created_at - "
                    + nanos);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
