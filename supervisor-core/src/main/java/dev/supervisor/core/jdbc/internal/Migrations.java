package dev.supervisor.core.jdbc.internal;

import dev.supervisor.core.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Versioned schema changes, applied in order inside transactions and recorded in {@code sup_schema}. A database
 * whose recorded version is newer than this code knows is refused: running old code on it could lose data.
 */
public final class Migrations {
    /** Marks a statement that runs on PostgreSQL only. */
    private static final String PG = "pg:";

    /** Each entry is one version; statements run in order. */
    static final List<List<String>> VERSIONS = List.of(List.of(
            "CREATE TABLE sup_run (run_id VARCHAR(200) PRIMARY KEY, workflow_id VARCHAR(200) NOT NULL, "
                    + "status VARCHAR(20) NOT NULL, inputs TEXT, created_at BIGINT NOT NULL, finished_at BIGINT, "
                    + "version BIGINT NOT NULL)",
            "CREATE TABLE sup_task (run_id VARCHAR(200) NOT NULL, task_id VARCHAR(400) NOT NULL, idx INT NOT NULL, "
                    + "state VARCHAR(20) NOT NULL, attempt INT NOT NULL, version BIGINT NOT NULL, "
                    + "lease_owner VARCHAR(200), lease_expiry BIGINT, not_before BIGINT, started_at BIGINT, "
                    + "finished_at BIGINT, output TEXT, error TEXT, PRIMARY KEY (run_id, task_id))",
            "CREATE INDEX sup_task_queue ON sup_task (run_id, state, idx)",
            "CREATE INDEX sup_task_lease ON sup_task (state, lease_expiry)",
            "CREATE TABLE sup_schedule (schedule_id VARCHAR(200) PRIMARY KEY, fingerprint TEXT NOT NULL, "
                    + "next_fire BIGINT, last_fire BIGINT, paused BOOLEAN NOT NULL, completed BOOLEAN NOT NULL, "
                    + "version BIGINT NOT NULL)"),
            List.of("CREATE INDEX sup_run_history ON sup_run (status, created_at)"),
            List.of("CREATE INDEX sup_task_ready ON sup_task (state, idx)"),
            List.of("CREATE TABLE sup_workflow (workflow_id VARCHAR(200) PRIMARY KEY, definition TEXT NOT NULL, "
                    + "updated_at BIGINT NOT NULL)"),
            // PostgreSQL only (H2 has no partial indexes): every state change of a task row is a non-HOT update
            // that adds an entry to each index, and full indexes on state kept growing with entries of finished
            // tasks. Partial indexes hold only the rows each query looks for: finishing a task touches the
            // primary key alone, and claims and sweeps scan only live candidates.
            List.of(PG + "DROP INDEX sup_task_queue", PG + "DROP INDEX sup_task_lease",
                    PG + "DROP INDEX sup_task_ready",
                    PG + "CREATE INDEX sup_task_ready_p ON sup_task (idx) WHERE state = 'READY'",
                    PG + "CREATE INDEX sup_task_retry_p ON sup_task (not_before) WHERE state = 'RETRY_WAIT'",
                    PG + "CREATE INDEX sup_task_running_p ON sup_task (lease_expiry) WHERE state = 'RUNNING'",
                    PG + "CREATE INDEX sup_task_open_p ON sup_task (run_id, idx) WHERE state <> 'SUCCEEDED'"));

    private Migrations() {
    }

    /** @return the newest schema version this code knows */
    public static int latest() {
        return VERSIONS.size();
    }

    /**
     * @param ds the database
     * @return the schema version after migrating
     * @throws JdbcStoreException if the database is unreachable or newer than this code
     */
    public static int migrate(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
            if (postgres) {
                return migrate(c, true);
            }
            // H2 is embedded: the nodes that share it share this JVM, so a JVM lock serialises them.
            synchronized (Migrations.class) {
                return migrate(c, false);
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot prepare the Supervisor schema: " + e.getMessage(), e);
        }
    }

    private static int migrate(Connection c, boolean postgres) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (postgres) {
                // Nodes starting together take turns: the lock lasts until this transaction ends.
                s.execute("SELECT pg_advisory_xact_lock(7356020117)");
            }
            s.execute("CREATE TABLE IF NOT EXISTS sup_schema (version INT NOT NULL, applied_at BIGINT NOT NULL)");
            int current = current(c);
            if (current > latest()) {
                throw new JdbcStoreException("database schema is at version " + current + " but this "
                        + "Supervisor knows only up to " + latest() + "; upgrade Supervisor before using this "
                        + "database", null);
            }
            for (int v = current + 1; v <= latest(); v++) {
                for (String sql : VERSIONS.get(v - 1)) {
                    if (!sql.startsWith(PG)) {
                        s.execute(sql);
                    } else if (postgres) {
                        s.execute(sql.substring(PG.length()));
                    }
                }
                s.execute("INSERT INTO sup_schema (version, applied_at) VALUES (" + v + ", "
                        + System.currentTimeMillis() + ")");
            }
            c.commit();
            return latest();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM sup_schema")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
