package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.spi.RunChanges;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.testkit.RunStoreContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The event log is tailed in transaction-id order, whatever the ids' number of digits: ordered by their decimal text
 * instead, a page of the tail took transaction 1000's events before 999's and the position moved past 999's, which
 * were then never read.
 */
class PostgresEventTailTest {
    private static final int EVENTS = 8;

    @Test
    void tail_pageByPage_readsEveryEventInCommitOrder_acrossAPowerOfTenOfTransactionIds() throws Exception {
        DataSource ds = Databases.postgres();
        RunStore store = JdbcStores.runStore(ds);
        store.createRun(new RunRecord("r", "wf", RunStatus.RUNNING, Map.of(), Instant.EPOCH, null, 0),
                RunStoreContract.workflowOf("t0"), List.of(dev.supervisor.api.spi.TaskRecord.pending("r", "t0", 0)));
        RunEventLog log = store.capability(RunEventLog.class).orElseThrow();
        String position = log.tail(null, 1).position();
        burnTransactionIdsUntilJustBelowAPowerOfTen(ds);

        List<SupervisorEvent> written = new ArrayList<>();
        for (int k = 0; k < EVENTS; k++) { // one transaction each: their ids cross the power of ten
            SupervisorEvent e = new RunStarted("r", "wf", Instant.EPOCH.plusSeconds(k), k);
            store.apply(new RunChanges("r", "n", List.of(), null, List.of(e)));
            written.add(e);
        }

        List<SupervisorEvent> read = new ArrayList<>();
        for (int page = 0; page < 3 * EVENTS; page++) {
            RunEventLog.EventPage p = log.tail(position, 1);
            position = p.position();
            p.events().stream().map(StoredEvent::event).forEach(read::add);
        }
        assertThat(read).containsExactlyElementsOf(written);
    }

    /** Moves the cluster's next transaction id to a few below the next power of ten (one transaction per id). */
    private static void burnTransactionIdsUntilJustBelowAPowerOfTen(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            long next;
            try (ResultSet rs = s.executeQuery("SELECT CAST(CAST(pg_current_xact_id() AS TEXT) AS BIGINT)")) {
                rs.next();
                next = rs.getLong(1) + 1;
            }
            long power = 10;
            while (power - EVENTS / 2 <= next) {
                power *= 10;
            }
            s.execute("DO $$ BEGIN FOR i IN 1.." + (power - EVENTS / 2 - next) + " LOOP PERFORM pg_current_xact_id();"
                    + " COMMIT; END LOOP; END $$");
        }
    }
}
