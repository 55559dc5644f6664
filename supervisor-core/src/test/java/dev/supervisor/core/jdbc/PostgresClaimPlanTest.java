package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.api.spi.TaskClaims;
import dev.supervisor.core.jdbc.internal.JdbcClaims;
import dev.supervisor.testkit.RunStoreContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The cluster's claim must read a few index entries, not every ready row, and update the rows it picked by address: with the statistics of an empty table
 * PostgreSQL once sorted all 40k ready rows per claim (20 ms each), which made throughput fall as runs grew.
 */
class PostgresClaimPlanTest {
    @Test
    void claimPick_readsTheReadyIndexInOrder_rightAfterALargeRunIsCreated() throws Exception {
        DataSource ds = Databases.postgres();
        JdbcStores.migrate(ds);
        List<TaskRecord> tasks = new ArrayList<>();
        List<TaskClaims.Claimable> claimables = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            tasks.add(TaskRecord.pending("r1", "t" + i, i).to(TaskState.READY));
            claimables.add(new TaskClaims.Claimable("work", List.of(), i / 100, false));
        }
        JdbcStores.runStore(ds).capability(TaskClaims.class).orElseThrow().createRun(new RunRecord("r1", "wf",
                RunStatus.RUNNING, Map.of(), Instant.EPOCH, null, 0), RunStoreContract.workflowOf("t"), tasks,
                claimables);

        String plan = explain(ds, JdbcClaims.claimSql("t.state = 'READY'", false), 64);

        // The pick reads 64 entries of the ready index in order (no sort of the ready rows; the 64 claimed are
        // put back in claim order at the end); the update visits those rows by address.
        assertThat(plan).contains("Index Scan using sup_task_claim_p").contains("rows=64 ")
                .doesNotContain("Sort Key: t").contains("Tid Scan on sup_task t").doesNotContain("Seq Scan on sup_task");
    }

    private static String explain(DataSource ds, String sql, int limit) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            StringBuilder out = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF) " + sql)) {
                ps.setString(1, "node");
                ps.setLong(2, 1_000_000_000L);
                ps.setArray(3, c.createArrayOf("varchar", new Object[] {"work"}));
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
            } finally {
                c.rollback();
            }
            return out.toString();
        }
    }
}
