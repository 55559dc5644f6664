package dev.supervisor.core.jdbc;

import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.core.jdbc.internal.JdbcRunStore;
import dev.supervisor.core.jdbc.internal.JdbcScheduleStore;
import dev.supervisor.core.jdbc.internal.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Durable stores on a {@link DataSource} (PostgreSQL or H2). The first call migrates the schema; a database that is
 * down fails at once with a {@link JdbcStoreException} naming the cause.
 *
 * <pre>{@code
 * DataSource ds = ...; // the application's pool
 * Supervisor sup = Supervisor.create(SupervisorConfig.builder().runStore(JdbcStores.runStore(ds)).build());
 * CronScheduler cron = CronScheduler.create(CronSchedulerConfig.builder().store(JdbcStores.scheduleStore(ds)).build());
 * }</pre>
 */
public final class JdbcStores {
    private JdbcStores() {
    }

    /**
     * @param ds the database
     * @return the dialect, after applying pending migrations
     * @throws JdbcStoreException if the database is unreachable, unsupported or newer than this code
     */
    public static SqlDialect migrate(DataSource ds) {
        Objects.requireNonNull(ds, "dataSource");
        SqlDialect dialect;
        try (Connection c = ds.getConnection()) {
            dialect = SqlDialect.of(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot connect to the Supervisor database: " + e.getMessage(), e);
        }
        Migrations.migrate(ds);
        return dialect;
    }

    /** @param ds the database @return a run store keeping the 10,000 newest finished runs (schema migrated first) */
    public static RunStore runStore(DataSource ds) {
        return runStore(ds, 10_000);
    }

    /**
     * @param ds the database
     * @param maxRetainedRuns finished runs to keep (≥ 1); older ones are deleted as new runs start (once every 1 % of
     *        this many new runs, so up to 1 % more are kept in between), active runs are always kept
     * @return a run store on it (schema migrated first)
     */
    public static RunStore runStore(DataSource ds, int maxRetainedRuns) {
        if (maxRetainedRuns < 1) {
            throw new IllegalArgumentException("maxRetainedRuns must be at least 1 but was " + maxRetainedRuns);
        }
        return new JdbcRunStore(ds, migrate(ds), maxRetainedRuns);
    }

    /** @param ds the database @return a schedule store on it (schema migrated first) */
    public static ScheduleStore scheduleStore(DataSource ds) {
        migrate(ds);
        return new JdbcScheduleStore(ds);
    }

    /**
     * Runs to pick up after a restart: pass each to {@link dev.supervisor.core.Supervisor#resume(String)} (each
     * run keeps its workflow in the store).
     *
     * @param ds the database
     * @param workflowId a workflow id
     * @return ids of that workflow's runs that have not ended, oldest first
     */
    public static java.util.List<String> unfinishedRuns(DataSource ds, String workflowId) {
        Objects.requireNonNull(workflowId, "workflowId");
        migrate(ds);
        try (Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT run_id FROM sup_run WHERE workflow_id = ? AND status IN ('PENDING', 'RUNNING') "
                        + "ORDER BY created_at")) {
            ps.setString(1, workflowId);
            java.util.List<String> out = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot list unfinished runs: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the schema version a database is at, without migrating: for health checks, and for hosts that migrate
     * by themselves and want to refuse a database that is behind.
     *
     * @param ds the database
     * @return the recorded schema version, 0 if the database holds no Supervisor schema
     * @throws JdbcStoreException if the database is unreachable
     */
    public static int databaseSchemaVersion(DataSource ds) {
        Objects.requireNonNull(ds, "dataSource");
        return Migrations.current(ds);
    }

    /** @return the newest schema version this code knows */
    public static int schemaVersion() {
        return Migrations.latest();
    }
}
