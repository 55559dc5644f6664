package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.util.concurrent.TimeUnit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Supervisors in cluster mode, several in one JVM on a real PostgreSQL; the multi-JVM proofs are
 * {@code ClusterProofTest} and {@code ClusterFeaturesProofTest}.
 */
class ClusterModeTest {
    @Test
    void threeNodes_runOneDag_eachTaskOnce_inDependencyOrder_andAnyNodeHasAHandle() throws Exception {
        org.postgresql.ds.PGSimpleDataSource raw = (org.postgresql.ds.PGSimpleDataSource) Databases.postgres();
        DataSource ds = new SimplePool(raw.getUrl() + "?user=postgres", 30);
        CrashWorker.schema(ds);
        WorkflowSpec wf = ClusterWorker.workflow(20, 50);
        List<Supervisor> nodes = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            nodes.add(ClusterWorker.node(ds, "n" + n, Duration.ofSeconds(5)));
        }
        String runId = nodes.get(0).submit(wf, Map.of("k", "v")).runId();
        RunOutcome out = awaitOrDiagnose(nodes.get(2).run(runId).orElseThrow(), ds);
        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.tasks()).hasSize(1000);
        nodes.forEach(Supervisor::close);
        assertThat(count(ds, "SELECT COUNT(*) FROM effects")).isEqualTo(1000);
        assertThat(count(ds, "SELECT COUNT(*) FROM executions")).isEqualTo(1000);
        assertThat(count(ds, "SELECT COUNT(DISTINCT worker) FROM executions")).isGreaterThan(1);
        assertThat(outOfOrder(ds, wf, runId)).isZero();
    }

    @Test
    void oneNode_everyFeature_sameOutcomeAsInMemory() throws Exception {
        RunOutcome alone;
        try (Supervisor one = Supervisor.create(FeatureWorker.handlers(SupervisorConfig.builder()).build())) {
            alone = one.submit(FeatureWorker.workflow(), Map.of()).outcome().get(2, TimeUnit.MINUTES);
        }
        org.postgresql.ds.PGSimpleDataSource raw = (org.postgresql.ds.PGSimpleDataSource) Databases.postgres();
        DataSource ds = new SimplePool(raw.getUrl() + "?user=postgres", 10);
        JdbcStores.migrate(ds);
        try (Supervisor node = Supervisor.create(FeatureWorker.handlers(SupervisorConfig.builder())
                .runStore(JdbcStores.runStore(ds)).cluster(ClusterConfig.builder().lease(Duration.ofSeconds(5))
                        .build()).nodeId("solo").maxConcurrency(4).build())) {
            RunOutcome out = awaitOrDiagnose(node.submit(FeatureWorker.workflow(), Map.of()), ds);
            assertThat(out.status()).isEqualTo(alone.status());
            for (Map.Entry<String, dev.supervisor.api.TaskOutcome> e : alone.tasks().entrySet()) {
                assertThat(out.task(e.getKey()).state()).as(e.getKey()).isEqualTo(e.getValue().state());
                assertThat(out.task(e.getKey()).output()).as(e.getKey()).isEqualTo(e.getValue().output());
            }
        }
    }

    /**
     * Tasks whose handler started before one of their dependencies succeeded (none may). Both times come from the
     * workers' clocks: handler start from the execution log, success from the stored task.
     */
    static long outOfOrder(DataSource ds, WorkflowSpec wf, String runId) throws Exception {
        Map<String, long[]> times = new java.util.HashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT t.task_id, MIN(e.started_ns), t.finished_at FROM sup_task t "
                     + "JOIN executions e ON e.task_id = t.task_id WHERE t.run_id = '" + runId + "' "
                     + "GROUP BY t.task_id, t.finished_at")) {
            while (rs.next()) {
                times.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        long bad = 0;
        for (TaskSpec t : wf.tasks()) {
            for (dev.supervisor.api.Dependency d : t.dependencies()) {
                if (times.get(t.id())[0] < times.get(d.taskId())[1]) {
                    bad++;
                }
            }
        }
        return bad;
    }

    @Test
    void nodeWithAClockAnHourAhead_doesNotStealLeases() throws Exception {
        org.postgresql.ds.PGSimpleDataSource raw = (org.postgresql.ds.PGSimpleDataSource) Databases.postgres();
        DataSource ds = new SimplePool(raw.getUrl() + "?user=postgres", 20);
        CrashWorker.schema(ds);
        WorkflowSpec wf = ClusterWorker.workflow(10, 40);
        Supervisor normal = ClusterWorker.node(ds, "normal", Duration.ofSeconds(2));
        Supervisor ahead = ClusterWorker.node(ds, "ahead", Duration.ofSeconds(2),
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(1)));
        String runId = normal.submit(wf, Map.of()).runId();
        assertThat(ahead.run(runId).orElseThrow().outcome().get(2, TimeUnit.MINUTES).status())
                .isEqualTo(RunStatus.SUCCEEDED);
        normal.close();
        ahead.close();
        // Leases live on the database clock: the node an hour ahead never sees the other's leases as expired.
        assertThat(count(ds, "SELECT COUNT(*) FROM executions")).isEqualTo(400);
        assertThat(count(ds, "SELECT COUNT(DISTINCT worker) FROM executions")).isEqualTo(2);
    }

    @Test
    void clusterMode_onAStoreThatCannotClaim_isRefusedNamingWhy() {
        SupervisorConfig config = SupervisorConfig.builder().runStore(JdbcStores.runStore(Databases.h2()))
                .cluster(ClusterConfig.ofDefaults()).build();
        assertThatThrownBy(() -> Supervisor.create(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TaskClaims").hasMessageContaining("PostgreSQL");
        assertThatThrownBy(() -> SupervisorConfig.builder().cluster(ClusterConfig.ofDefaults()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runStore");
    }

    /** Waits for a run; if it does not end, fails with what the store and the threads were doing. */
    static RunOutcome awaitOrDiagnose(dev.supervisor.api.RunHandle run, DataSource ds) throws Exception {
        try {
            return run.outcome().get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            StringBuilder sb = new StringBuilder("run did not end; tasks by state:");
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT state, lease_owner, COUNT(*) FROM sup_task GROUP BY state, "
                         + "lease_owner ORDER BY 1, 2")) {
                while (rs.next()) {
                    sb.append("\n  ").append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ')
                            .append(rs.getLong(3));
                }
            }
            try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT status, owner, owner_expiry, stop FROM sup_run")) {
                while (rs.next()) {
                    sb.append("\n  run ").append(rs.getString(1)).append(" owner=").append(rs.getString(2))
                            .append(" stop=").append(rs.getString(4));
                }
            }
            for (var t : java.lang.management.ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                if (t.getThreadName().startsWith("supervisor")) {
                    sb.append("\n").append(t);
                }
            }
            throw new AssertionError(sb.toString(), e);
        }
    }

    static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
