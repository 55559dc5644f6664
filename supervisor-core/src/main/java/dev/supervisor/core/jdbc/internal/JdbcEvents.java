package dev.supervisor.core.jdbc.internal;

import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.core.jdbc.SqlDialect;
import dev.supervisor.core.json.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

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
 *
 * <p>One row per run and transaction: a batch of transitions (a claim of 50 tasks, 50 results stored together)
 * writes its events as one JSON array with their count in {@code n}, not one row each. Rows and their three
 * index entries were the largest cost of a cluster's task; a run's sequence numbers are the running sum of
 * {@code n}, and a tail position inside a row says how many of its events were read ({@code tx:id:k}).
 *
 * <p>A row also lists the ids of the tasks its events are about ({@code tasks}: one entry per event, separated by
 * spaces, empty for an event about the run), which is all a run's owner needs from another node's events: it reads
 * those tasks' rows. Task ids cannot hold a space. Rows written before the column existed have none, and their
 * bodies are read instead.
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
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sup_event (run_id, node, type, body, n, tasks) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, runId);
            ps.setString(2, node);
            ps.setString(3, types(events));
            ps.setString(4, EventJson.writeAll(events));
            ps.setInt(5, events.size());
            ps.setString(6, taskIds(events));
            ps.executeUpdate();
        }
    }

    /** One entry per event, in order: the task's id, or nothing for an event about the run. */
    static String taskIds(List<SupervisorEvent> events) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            if (events.get(i) instanceof TaskEvent t) {
                b.append(t.taskId());
            }
        }
        return b.toString();
    }

    /** The kinds of event a row holds, for reading the table by hand: distinct simple names, at most 60 chars. */
    private static String types(List<SupervisorEvent> events) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (SupervisorEvent e : events) {
            names.add(e.getClass().getSimpleName());
        }
        String all = String.join(",", names);
        return all.length() <= 60 ? all : all.substring(0, 57) + "...";
    }

    List<StoredEvent> ofRun(Connection c, String runId, long after, int max) throws SQLException {
        long from = Math.max(0, after);
        int limit = Math.max(1, max);
        // Sequence numbers are the running count of events in order; only the rows that reach past `after` are
        // fetched whole.
        try (PreparedStatement ps = c.prepareStatement("SELECT e.node, e.body, s.n, s.upto FROM (SELECT id, n, SUM(n) "
                + "OVER (" + order.substring(1) + ") AS upto FROM sup_event WHERE run_id = ?" + visible + ") s JOIN "
                + "sup_event e ON e.id = s.id WHERE s.upto > ? ORDER BY s.upto FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, runId);
            ps.setLong(2, from);
            ps.setInt(3, limit);
            List<StoredEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (out.size() < limit && rs.next()) {
                    List<SupervisorEvent> row = EventJson.readAll(rs.getString(2));
                    long seq = rs.getLong(4) - rs.getInt(3);
                    for (SupervisorEvent e : row) {
                        seq++;
                        if (seq > from && out.size() < limit) {
                            out.add(new StoredEvent(seq, rs.getString(1), e));
                        }
                    }
                }
            }
            return out;
        }
    }

    /** What a scan reads of the rows wanted besides their place: their events, or only their tasks' ids. */
    private enum Want { EVENTS, TASKS }

    private Scan scan(Connection c, String position, int max, BiPredicate<String, String> wanted, Want want)
            throws SQLException {
        String[] at = position == null ? start(c) : position.split(":", 3);
        int keyParts = pg ? 2 : 1;
        // Events of the row at the position already read (a page ended inside it), else 0 and the row is done.
        int partial = at.length > keyParts ? Integer.parseInt(at[keyParts]) : 0;
        String cmp = partial > 0 ? ">=" : ">";
        String where = pg ? "(tx, id) " + cmp + " (CAST(? AS xid8), ?)" + visible : "id " + cmp + " ?";
        int limit = Math.max(1, max);
        // The text form of tx gets a name of its own: under the name tx, ORDER BY tx sorted by the text (transaction
        // 1000 before 999, so a page could skip events) and every tail sorted all the rows after its position.
        // Bodies are fetched apart, only for the rows wanted: a follower that drives none of the runs, or that
        // passes over its own node's rows, does not have every event of the cluster detoasted and sent to it.
        boolean apart = wanted != null;
        String what = want == Want.TASKS ? "tasks" : apart ? "NULL" : "body";
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, node, " + what
                + ", n, id" + (pg ? ", CAST(tx AS TEXT) AS tx_text" : "") + " FROM sup_event WHERE " + where + order
                + " FETCH FIRST ? ROWS ONLY")) {
            int i = 1;
            if (pg) {
                ps.setString(i++, at[0]);
            }
            long atId = Long.parseLong(at[keyParts - 1]);
            ps.setLong(i++, atId);
            ps.setInt(i, limit);
            List<Row> rows = new ArrayList<>();
            String next = position == null ? String.join(":", at) : position;
            int read = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (read < limit && rs.next()) {
                    long id = rs.getLong(5);
                    int n = rs.getInt(4);
                    int skip = partial > 0 && id == atId ? partial : 0;
                    int take = Math.min(n - skip, limit - read);
                    String runId = rs.getString(1);
                    String node = rs.getString(2);
                    if (take > 0 && (wanted == null || wanted.test(runId, node))) {
                        String text = rs.getString(3);
                        rows.add(want == Want.TASKS ? new Row(id, runId, node, skip, take, null, text)
                                : new Row(id, runId, node, skip, take, text, null));
                    }
                    read += Math.max(0, take);
                    String key = pg ? rs.getString(6) + ":" + id : Long.toString(id);
                    next = skip + take < n ? key + ":" + (skip + take) : key;
                }
            }
            List<Row> needBodies = rows;
            if (want == Want.TASKS) {
                needBodies = new ArrayList<>();
                for (Row r : rows) {
                    if (r.tasks == null) {
                        needBodies.add(r); // written before rows listed their tasks
                    }
                }
            }
            return new Scan(rows, next, apart || want == Want.TASKS ? bodies(c, needBodies) : null);
        }
    }

    RunEventLog.EventPage tail(Connection c, String position, int max, BiPredicate<String, String> wanted)
            throws SQLException {
        Scan scan = scan(c, position, max, wanted, Want.EVENTS);
        List<StoredEvent> out = new ArrayList<>();
        for (Row r : scan.rows) {
            String body = scan.body(r);
            if (body != null) {
                for (SupervisorEvent e : EventJson.readAll(body).subList(r.skip, r.skip + r.take)) {
                    out.add(new StoredEvent(0, r.node, e));
                }
            }
        }
        return new RunEventLog.EventPage(out, scan.next);
    }

    /** As {@link #tail} but only the ids of the tasks the wanted events are about: no event is decoded whole. */
    RunEventLog.TaskChanges taskChanges(Connection c, String position, int max, BiPredicate<String, String> wanted)
            throws SQLException {
        Scan scan = scan(c, position, max, wanted, Want.TASKS);
        Map<String, java.util.Set<String>> changed = new java.util.LinkedHashMap<>();
        for (Row r : scan.rows) {
            List<String> ids;
            if (r.tasks != null) {
                ids = listed(r.tasks, r.skip, r.take);
            } else {
                String body = scan.body(r);
                if (body == null) {
                    continue; // deleted meanwhile with its run
                }
                ids = EventJson.taskIds(body, r.skip, r.take);
            }
            if (!ids.isEmpty()) {
                changed.computeIfAbsent(r.runId, k -> new java.util.LinkedHashSet<>()).addAll(ids);
            }
        }
        return new RunEventLog.TaskChanges(changed, scan.next);
    }

    /** The non-empty entries {@code from} to {@code from + count} of a row's task list. */
    static List<String> listed(String tasks, int from, int count) {
        List<String> out = new ArrayList<>(count);
        int at = 0;
        for (int k = 0; k < from + count && at <= tasks.length(); k++) {
            int end = tasks.indexOf(' ', at);
            if (end < 0) {
                end = tasks.length();
            }
            if (k >= from && end > at) {
                out.add(tasks.substring(at, end));
            }
            at = end + 1;
        }
        return out;
    }

    /** A row wanted by a scan: its body when read with the page, or its task list. */
    private record Row(long id, String runId, String node, int skip, int take, String body, String tasks) {
    }

    /** The rows of a page that are wanted, the position after it, and their bodies if read apart. */
    private record Scan(List<Row> rows, String next, Map<Long, String> bodies) {
        /** @return the row's body, or null if it was deleted meanwhile with its run (history trimmed) */
        String body(Row r) {
            return bodies == null ? r.body : bodies.get(r.id);
        }
    }

    /** The bodies of the rows by id (rows are never changed once written, so a second statement reads the same). */
    private static Map<Long, String> bodies(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> out = new HashMap<>();
        StringBuilder q = new StringBuilder("SELECT id, body FROM sup_event WHERE id IN (");
        for (int k = 0; k < rows.size(); k++) {
            q.append(k == 0 ? "?" : ", ?");
        }
        try (PreparedStatement ps = c.prepareStatement(q.append(')').toString())) {
            for (int k = 0; k < rows.size(); k++) {
                ps.setLong(k + 1, rows.get(k).id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
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
