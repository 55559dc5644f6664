package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Three cluster nodes in one JVM on a real PostgreSQL; the multi-JVM proof is {@code ClusterProofTest}. */
class ClusterNodeTest {
    @Test
    void threeNodes_runOneDag_eachTaskOnce_inDependencyOrder() throws Exception {
        org.postgresql.ds.PGSimpleDataSource raw = (org.postgresql.ds.PGSimpleDataSource) Databases.postgres();
        DataSource ds = new SimplePool(raw.getUrl() + "?user=postgres", 16);
        CrashWorker.schema(ds);
        WorkflowSpec wf = ClusterWorker.workflow(20, 50);
        List<ClusterNode> nodes = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            nodes.add(ClusterWorker.node(ds, "n" + n, wf, Duration.ofSeconds(5)));
        }
        String runId = nodes.get(0).submit(wf, Map.of("k", "v"));
        assertThat(nodes.get(2).await(runId, Duration.ofMinutes(2))).isEqualTo(RunStatus.SUCCEEDED);
        nodes.forEach(ClusterNode::close);
        assertThat(count(ds, "SELECT COUNT(*) FROM effects")).isEqualTo(1000);
        assertThat(count(ds, "SELECT COUNT(*) FROM executions")).isEqualTo(1000);
        assertThat(count(ds, "SELECT COUNT(DISTINCT worker) FROM executions")).isGreaterThan(1);
        assertThat(outOfOrder(ds, wf, runId)).isZero();
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
        DataSource ds = new SimplePool(raw.getUrl() + "?user=postgres", 16);
        CrashWorker.schema(ds);
        WorkflowSpec wf = ClusterWorker.workflow(10, 40);
        ClusterNode normal = ClusterWorker.node(ds, "normal", wf, Duration.ofSeconds(2));
        ClusterNode ahead = ClusterWorker.node(ds, "ahead", wf, Duration.ofSeconds(2),
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(1)));
        String runId = normal.submit(wf, Map.of());
        assertThat(ahead.await(runId, Duration.ofMinutes(2))).isEqualTo(RunStatus.SUCCEEDED);
        normal.close();
        ahead.close();
        // Leases live on the database clock: the node an hour ahead never sees the other's leases as expired.
        assertThat(count(ds, "SELECT COUNT(*) FROM executions")).isEqualTo(400);
        assertThat(count(ds, "SELECT COUNT(DISTINCT worker) FROM executions")).isEqualTo(2);
    }

    @Test
    void workflowsWithConditions_areRefusedAtSubmit() {
        DataSource ds = Databases.postgres();
        WorkflowSpec wf = WorkflowSpec.builder("cond").task(TaskSpec.builder("a", ClusterWorker.WORK))
                .task(TaskSpec.builder("b", ClusterWorker.WORK).dependsOn("a").triggerRule(TriggerRule.ALL_DONE))
                .build();
        assertThatThrownBy(() -> ClusterWorker.node(ds, "x", wf, Duration.ofSeconds(5)))
                .isInstanceOf(SupervisorException.class).hasMessageContaining("trigger rules");
        assertThatThrownBy(() -> ClusterNode.builder(Databases.h2()).build()).hasMessageContaining("PostgreSQL");
    }

    static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
