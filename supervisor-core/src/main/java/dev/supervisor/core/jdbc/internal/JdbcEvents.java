package dev.supervisor.core.jdbc.internal;

import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.core.jdbc.SqlDialect;
import dev.supervisor.core.json.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The event log in {@code sup_event}. Rows are written in the transaction of the transition they report.
 *
 * <p>Ordering on PostgreSQL: ids are handed out when a row is inserted, but transactions commit in another order,
 * so "every id above the last one read" would miss a row whose transaction commits late. Each row carries its
 * transaction id ({@code xid8}); a reader takes only rows of transactions older than every transaction still
 * running ({@code pg_snapshot_xmin}), ordered by (transaction id, id). Those transactions are all finished, so the
 * set read never grows behind the reader, and numbers by position stay put. The order respects cause and effect:
 * a transaction that acts on another's result got its id after reading that result, so after it committed. On H2
 * (one node, transitions written one batch at a time under the engine's lock) the id order is the order.
 */
final class JdbcEvents {
    private final boolean pg;
    private final String order;
    private final String visible;

    JdbcEvents(SqlDialect dialect) {
        this.pg = dialect == SqlDialect.POSTGRESQL;
        this.order = pg ? " ORDER BY tx, id" : " ORDER BY id";
        this.visible = pg ? " AND tx < pg_snapshot_xmin(pg_current_snapshot())" : "";
    }

    void insert(Connection c, String runId, String node, List<SupervisorEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sup_event (run_id, node, type, body) VALUES (?, ?, "
                + "?, ?)")) {
            for (SupervisorEvent e : events) {
                ps.setString(1, runId);
                ps.setString(2, node);
                ps.setString(3, e.getClass().getSimpleName());
                ps.setString(4, EventJson.write(e));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    List<StoredEvent> ofRun(Connection c, String runId, long after, int max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT node, body FROM sup_event WHERE run_id = ?" + visible
                + order + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, runId);
            ps.setLong(2, Math.max(0, after));
            ps.setInt(3, Math.max(1, max));
            List<StoredEvent> out = new ArrayList<>();
            long seq = Math.max(0, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEvent(++seq, rs.getString(1), EventJson.read(rs.getString(2))));
                }
            }
            return out;
        }
    }

    RunEventLog.EventPage tail(Connection c, String position, int max) throws SQLException {
        String[] at = position == null ? start(c) : position.split(":", 2);
        String where = pg ? "(tx, id) > (CAST(? AS xid8), ?)" + visible : "id > ?";
        // The text form of tx gets a name of its own: under the name tx, ORDER BY tx sorted by the text (transaction
        // 1000 before 999, so a page could skip events) and every tail sorted all the rows after its position.
        try (PreparedStatement ps = c.prepareStatement("SELECT node, body, id" + (pg ? ", CAST(tx AS TEXT) AS tx_text"
                : "") + " FROM sup_event WHERE " + where + order + " FETCH FIRST ? ROWS ONLY")) {
            int i = 1;
            if (pg) {
                ps.setString(i++, at[0]);
            }
            ps.setLong(i++, Long.parseLong(at[pg ? 1 : 0]));
            ps.setInt(i, Math.max(1, max));
            List<StoredEvent> out = new ArrayList<>();
            String next = position == null ? String.join(":", at) : position;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEvent(0, rs.getString(1), EventJson.read(rs.getString(2))));
                    next = pg ? rs.getString(4) + ":" + rs.getLong(3) : Long.toString(rs.getLong(3));
                }
            }
            return new RunEventLog.EventPage(out, next);
        }
    }

    /** The position before every event stored from now on. */
    private String[] start(Connection c) throws SQLException {
        String q = pg ? "SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT)" : "SELECT COALESCE(MAX(id), 0) "
                + "FROM sup_event";
        try (PreparedStatement ps = c.prepareStatement(q); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return pg ? new String[] {rs.getString(1), "0"} : new String[] {Long.toString(rs.getLong(1))};
        }
    }
}
