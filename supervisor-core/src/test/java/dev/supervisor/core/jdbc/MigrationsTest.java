package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class MigrationsTest {
    @Test
    void migrate_isIdempotent_andRecordsTheVersion() throws Exception {
        DataSource ds = Databases.h2();
        assertThat(JdbcStores.migrate(ds)).isEqualTo(SqlDialect.H2);
        JdbcStores.migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM sup_schema")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(JdbcStores.schemaVersion());
            assertThat(rs.getInt(2)).isEqualTo(JdbcStores.schemaVersion());
        }
    }

    @Test
    void databaseSchemaVersion_readsTheVersionWithoutMigrating() {
        for (DataSource ds : new DataSource[] {Databases.h2(), Databases.postgres()}) {
            assertThat(JdbcStores.databaseSchemaVersion(ds)).isZero();
            assertThat(JdbcStores.databaseSchemaVersion(ds)).isZero(); // reading created nothing
            JdbcStores.migrate(ds);
            assertThat(JdbcStores.databaseSchemaVersion(ds)).isEqualTo(JdbcStores.schemaVersion());
        }
    }

    @Test
    void nodesStartingTogether_migrateOnce() throws Exception {
        DataSource ds = Databases.postgres();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // Each starter has its own connection and no JVM lock is taken for PostgreSQL: the advisory lock works.
            all.add(pool.submit(() -> JdbcStores.runStore(ds)));
        }
        for (java.util.concurrent.Future<?> f : all) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM sup_schema")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(JdbcStores.schemaVersion());
        }
    }

    @Test
    void runHistory_isBounded_activeRunsAreKept() {
        for (DataSource ds : new DataSource[] {Databases.h2(), Databases.postgres()}) {
            dev.supervisor.api.spi.RunStore store = JdbcStores.runStore(ds, 3);
            java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
            store.createRun(new dev.supervisor.api.spi.RunRecord("active", "wf", dev.supervisor.api.RunStatus.RUNNING,
                    java.util.Map.of(), t0, null, 0), dev.supervisor.testkit.RunStoreContract.workflowOf("a"),
                    java.util.List.of(
                    dev.supervisor.api.spi.TaskRecord.pending("active", "a", 0)));
            for (int i = 0; i < 10; i++) {
                String id = "done-" + i;
                store.createRun(new dev.supervisor.api.spi.RunRecord(id, "wf", dev.supervisor.api.RunStatus.SUCCEEDED,
                        java.util.Map.of(), t0.plusSeconds(i + 1), t0, 0),
                        dev.supervisor.testkit.RunStoreContract.workflowOf("a"), java.util.List.of(
                        dev.supervisor.api.spi.TaskRecord.pending(id, "a", 0)));
            }
            assertThat(store.findRun("active")).isPresent();
            assertThat(store.findRun("done-9")).isPresent();
            assertThat(store.findRun("done-7")).isPresent();
            assertThat(store.findRun("done-6")).isEmpty();
            assertThat(store.tasks("done-0")).isEmpty();
        }
    }

    @Test
    void workflowDefinitions_areKeptOncePerContent_andReadBackPerRun() throws Exception {
        DataSource ds = Databases.h2();
        dev.supervisor.api.spi.RunStore store = JdbcStores.runStore(ds);
        dev.supervisor.api.WorkflowSpec wf = dev.supervisor.api.WorkflowSpec.builder("nightly")
                .task(dev.supervisor.api.TaskSpec.builder("a", dev.supervisor.api.TaskType.of("t")))
                .task(dev.supervisor.api.TaskSpec.builder("b", dev.supervisor.api.TaskType.of("t")).dependsOn("a"))
                .build();
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        for (String id : new String[] {"r1", "r2"}) {
            store.createRun(new dev.supervisor.api.spi.RunRecord(id, "nightly", dev.supervisor.api.RunStatus.RUNNING,
                    java.util.Map.of(), t0, null, 0), wf, java.util.List.of(
                    dev.supervisor.api.spi.TaskRecord.pending(id, "a", 0),
                    dev.supervisor.api.spi.TaskRecord.pending(id, "b", 1)));
        }
        dev.supervisor.api.WorkflowSpec back = store.workflow("r2").orElseThrow();
        assertThat(back.tasks()).extracting(dev.supervisor.api.TaskSpec::id).containsExactly("a", "b");
        assertThat(back.tasks().get(1).dependencies()).extracting(dev.supervisor.api.Dependency::taskId)
                .containsExactly("a");
        assertThat(ClusterModeTest.count(ds, "SELECT COUNT(*) FROM sup_workflow_def")).isEqualTo(1);
    }

    @Test
    void databaseNewerThanTheCode_isRefusedWithAClearMessage() throws Exception {
        DataSource ds = Databases.postgres();
        JdbcStores.migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO sup_schema (version, applied_at) VALUES (" + (JdbcStores.schemaVersion() + 1)
                    + ", 0)");
        }
        assertThatThrownBy(() -> JdbcStores.runStore(ds)).isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("upgrade Supervisor");
    }

    @Test
    void databaseDownAtStart_failsAtOnceNamingTheCause() {
        PGSimpleDataSource down = new PGSimpleDataSource();
        down.setServerNames(new String[] {"127.0.0.1"});
        down.setPortNumbers(new int[] {1});
        down.setConnectTimeout(2);
        assertThatThrownBy(() -> JdbcStores.runStore(down)).isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("cannot connect");
    }

    @Test
    void unsupportedDatabase_isNamed() {
        assertThatThrownBy(() -> SqlDialect.of("Oracle")).hasMessageContaining("Oracle");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:x");
        assertThat(SqlDialect.of("H2")).isEqualTo(SqlDialect.H2);
    }
}
