package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskClaims;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.testkit.RunStoreContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A run whose owner left is adopted while other nodes are claiming its tasks. Every claim holds its runs' rows
 * {@code FOR KEY SHARE} until it commits; adoption locked them {@code FOR UPDATE SKIP LOCKED}, so it passed over any
 * run with a claim under way, which on a busy cluster is nearly every run at nearly every moment: the run waited a
 * third of a lease per try and was driven by nobody meanwhile (its tasks ran; it did not finish).
 */
class PostgresAdoptionTest {
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    void adoptRuns_whileAClaimHoldsTheRunRow_adoptsIt() throws Exception {
        DataSource ds = Databases.postgres();
        RunStore store = JdbcStores.runStore(ds);
        TaskClaims claims = store.capability(TaskClaims.class).orElseThrow();
        claims.createRun(new RunRecord("r", "wf", RunStatus.RUNNING, Map.of(), Instant.EPOCH, null, 0),
                RunStoreContract.workflowOf("t0"), List.of(TaskRecord.pending("r", "t0", 0)),
                List.of(new TaskClaims.Claimable("a", List.of(), 0, false)));
        assertThat(claims.ownRun("r", "left", LEASE)).isTrue();
        claims.releaseRun("r", "left");

        try (Connection claim = ds.getConnection()) {
            claim.setAutoCommit(false);
            // The lock a claim takes on the runs of the tasks it picked (JdbcClaims), held as if mid-claim.
            try (PreparedStatement ps = claim.prepareStatement("SELECT run_id FROM sup_run WHERE run_id = ? FOR "
                    + "KEY SHARE")) {
                ps.setString(1, "r");
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
            assertThat(claims.adoptRuns("other", LEASE, 10)).containsExactly("r");
            claim.rollback();
        }
        assertThat(claims.renewRuns("other", LEASE)).containsOnlyKeys("r");
    }
}
