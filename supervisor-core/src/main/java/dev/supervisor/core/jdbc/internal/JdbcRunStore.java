package dev.supervisor.core.jdbc.internal;

import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.jdbc.JdbcStoreException;
import dev.supervisor.core.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link RunStore} on one {@code sup_task} table that is both state and queue. Every task change is a
 * compare-and-set on the version column; claims and reclaims lock candidate rows ({@code SKIP LOCKED} on
 * PostgreSQL, so concurrent claimers take different rows) and write the same records the in-memory store would.
 */
public final class JdbcRunStore implements RunStore {
    private final DataSource ds;
    private final SqlDialect dialect;
    /** Runs at least this large refresh the planner's statistics of the task table when created. */
    private static final int ANALYZE_AT = 1_000;

    private final Sql sql;
    private final int maxRetainedRuns;

    /**
     * @param ds the database, already migrated
     * @param dialect its dialect
     * @param maxRetainedRuns finished runs kept; older ones are deleted as new runs are created
     */
    public JdbcRunStore(DataSource ds, SqlDialect dialect, int maxRetainedRuns) {
        this.ds = ds;
        this.dialect = dialect;
        this.sql = new Sql(ds);
        this.maxRetainedRuns = maxRetainedRuns;
    }

    @Override
    public void createRun(RunRecord run, List<TaskRecord> tasks) {
        sql.tx("create run " + run.runId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sup_run (run_id, workflow_id, status, "
                    + "inputs, created_at, finished_at, version) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, run.runId());
                ps.setString(2, run.workflowId());
                ps.setString(3, run.status().name());
                ps.setString(4, Codec.json(run.inputs()));
                ps.setLong(5, Codec.nanos(run.createdAt()));
                Codec.setLong(ps, 6, Codec.nanos(run.finishedAt()));
                ps.setLong(7, run.version());
                ps.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new SupervisorException("run " + run.runId() + " already exists");
                }
                throw e;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sup_task (" + Codec.TASK_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (TaskRecord t : tasks) {
                    Codec.bindTask(ps, 1, t);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (dialect == SqlDialect.POSTGRESQL && tasks.size() >= ANALYZE_AT) {
                // Fresh statistics for the claim queries: with the table's old figures (a handful of ready rows)
                // the planner sorted every ready row for each claim instead of reading the index in order, which
                // cost 20 ms per claim at 40k ready tasks. ANALYZE sees this transaction's own new rows.
                try (PreparedStatement ps = c.prepareStatement("ANALYZE sup_task")) {
                    ps.execute();
                }
            }
            return null;
        });
        trimHistory();
    }

    /** Keeps the newest {@code maxRetainedRuns} finished runs; active runs are never touched. */
    private void trimHistory() {
        String old = "SELECT run_id FROM sup_run WHERE status NOT IN ('PENDING', 'RUNNING') "
                + "ORDER BY created_at DESC, run_id DESC OFFSET " + maxRetainedRuns + " ROWS";
        sql.tx("trim run history", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(old); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            for (String table : new String[] {"sup_task", "sup_run"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                    for (String id : ids) {
                        ps.setString(1, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<RunRecord> findRun(String runId) {
        return sql.read("find run " + runId, c -> findRun(c, runId));
    }

    private static Optional<RunRecord> findRun(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sup_run WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Codec.run(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public void updateRun(RunRecord updated) {
        int rows = sql.tx("update run " + updated.runId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sup_run SET status = ?, inputs = ?, finished_at = ?,"
                    + " version = ? WHERE run_id = ? AND version = ?")) {
                ps.setString(1, updated.status().name());
                ps.setString(2, Codec.json(updated.inputs()));
                Codec.setLong(ps, 3, Codec.nanos(updated.finishedAt()));
                ps.setLong(4, updated.version());
                ps.setString(5, updated.runId());
                ps.setLong(6, updated.version() - 1);
                return ps.executeUpdate();
            }
        });
        if (rows == 0) {
            long actual = findRun(updated.runId()).map(RunRecord::version).orElse(-1L);
            throw new StaleVersionException("stale change of run " + updated.runId() + ": caller held version "
                    + (updated.version() - 1) + " but the store has " + actual);
        }
    }

    @Override
    public List<TaskRecord> tasks(String runId) {
        return sql.read("read tasks of " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sup_task WHERE run_id = ? ORDER BY idx")) {
                ps.setString(1, runId);
                return list(ps);
            }
        });
    }

    @Override
    public Optional<TaskRecord> task(String runId, String taskId) {
        return sql.read("read task " + taskId, c -> task(c, runId, taskId));
    }

    private static Optional<TaskRecord> task(Connection c, String runId, String taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sup_task WHERE run_id = ? AND task_id = ?")) {
            ps.setString(1, runId);
            ps.setString(2, taskId);
            List<TaskRecord> l = list(ps);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    @Override
    public TaskRecord update(TaskRecord updated) {
        boolean ok = sql.tx("update task " + updated.taskId(), c -> cas(c, updated, updated.version() - 1));
        if (!ok) {
            long actual = task(updated.runId(), updated.taskId()).map(TaskRecord::version).orElse(-1L);
            throw new StaleVersionException(updated.runId(), updated.taskId(), updated.version() - 1, actual);
        }
        return updated;
    }

    /**
     * One transaction, one round trip: each task's last record replaces the version before its first (the steps in
     * between are never visible to anyone else, and a retry after a lost commit acknowledgement recognises the last
     * record). Nothing is written if any task's stored version is not the expected one.
     */
    @Override
    public void updateAll(List<TaskRecord> updated) {
        if (updated.isEmpty()) {
            return;
        }
        java.util.LinkedHashMap<List<String>, TaskRecord> last = new java.util.LinkedHashMap<>();
        java.util.HashMap<List<String>, Long> expected = new java.util.HashMap<>();
        for (TaskRecord r : updated) {
            List<String> key = List.of(r.runId(), r.taskId());
            expected.putIfAbsent(key, r.version() - 1);
            last.put(key, r);
        }
        List<TaskRecord> writes = new ArrayList<>(last.values());
        long[] from = new long[writes.size()];
        int k = 0;
        for (List<String> key : last.keySet()) {
            from[k++] = expected.get(key);
        }
        sql.tx("update " + writes.size() + " tasks", c -> {
            int[] counts = casBatch(c, writes, from);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    TaskRecord r = writes.get(i);
                    long actual = task(c, r.runId(), r.taskId()).map(TaskRecord::version).orElse(-1L);
                    throw new StaleVersionException(r.runId(), r.taskId(), from[i], actual); // rolls back all
                }
            }
            return null;
        });
    }

    /** @return per record: 1 if it replaced its expected version, 0 if fenced (one round trip for all) */
    static int[] casBatch(Connection c, List<TaskRecord> next, long[] expected) throws SQLException {
        if (next.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(CAS)) {
            for (int i = 0; i < next.size(); i++) {
                bindCas(ps, next.get(i), expected[i]);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                // Some drivers report SUCCESS_NO_INFO for batches; treat it as a row written.
                counts[i] = counts[i] == java.sql.Statement.SUCCESS_NO_INFO || counts[i] == 1
                        || applied(c, next.get(i)) ? 1 : 0;
            }
            return counts;
        }
    }

    private static final String CAS = "UPDATE sup_task SET state = ?, attempt = ?, version = ?, lease_owner = ?, "
            + "lease_expiry = ?, not_before = ?, started_at = ?, finished_at = ?, output = ?, error = ? "
            + "WHERE run_id = ? AND task_id = ? AND version = ?";

    private static void bindCas(PreparedStatement ps, TaskRecord next, long expected) throws SQLException {
        ps.setString(1, next.state().name());
        ps.setInt(2, next.attempt());
        ps.setLong(3, next.version());
        ps.setString(4, next.leaseOwner());
        Codec.setLong(ps, 5, Codec.nanos(next.leaseExpiry()));
        Codec.setLong(ps, 6, Codec.nanos(next.notBefore()));
        Codec.setLong(ps, 7, Codec.nanos(next.startedAt()));
        Codec.setLong(ps, 8, Codec.nanos(next.finishedAt()));
        ps.setString(9, Codec.json(next.output()));
        ps.setString(10, next.error());
        ps.setString(11, next.runId());
        ps.setString(12, next.taskId());
        ps.setLong(13, expected);
    }

    static boolean cas(Connection c, TaskRecord next, long expected) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CAS)) {
            bindCas(ps, next, expected);
            return ps.executeUpdate() == 1 || applied(c, next);
        }
    }

    /**
     * Whether the row already holds {@code next}. A commit whose acknowledgement was lost with the connection is
     * retried by {@link Sql}; the retry then fails the version check against its own earlier write, which must
     * count as success, not as a conflict (else a heartbeat would give up a live lease and a completion would look
     * fenced).
     */
    static boolean applied(Connection c, TaskRecord next) throws SQLException {
        return task(c, next.runId(), next.taskId()).filter(cur -> cur.version() == next.version()
                && cur.state() == next.state() && cur.attempt() == next.attempt()
                && java.util.Objects.equals(cur.leaseOwner(), next.leaseOwner())
                && java.util.Objects.equals(cur.leaseExpiry(), next.leaseExpiry())).isPresent();
    }

    @Override
    public List<TaskRecord> claim(String runId, String owner, int max, Duration lease, Instant now) {
        Instant expiry = now.plus(lease);
        return sql.tx("claim tasks of " + runId, c -> {
            List<TaskRecord> candidates;
            // "state <> 'SUCCEEDED'" repeats the predicate of PostgreSQL's partial index of unfinished tasks.
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sup_task WHERE run_id = ? AND state <> "
                    + "'SUCCEEDED' AND (state = '" + TaskState.READY + "' OR (state = '" + TaskState.RETRY_WAIT
                    + "' AND (not_before IS NULL OR not_before <= ?))) ORDER BY idx " + limit(max) + lock())) {
                ps.setString(1, runId);
                ps.setLong(2, Codec.nanos(now));
                candidates = list(ps);
            }
            List<TaskRecord> claimed = new ArrayList<>();
            for (TaskRecord cur : candidates) {
                TaskRecord next = cur.claimed(owner, expiry, now);
                if (cas(c, next, cur.version())) {
                    claimed.add(next);
                }
            }
            return claimed;
        });
    }

    @Override
    public Optional<TaskRecord> heartbeat(TaskRecord current, Duration lease, Instant now) {
        if (current.state() != TaskState.RUNNING) {
            return Optional.empty();
        }
        TaskRecord next = current.heartbeat(now.plus(lease));
        boolean ok = sql.tx("heartbeat " + current.taskId(), c -> cas(c, next, current.version()));
        return ok ? Optional.of(next) : Optional.empty();
    }

    @Override
    public List<TaskRecord> reclaimExpired(Instant now) {
        return sql.tx("reclaim expired leases", c -> {
            List<TaskRecord> expired;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sup_task WHERE state = '"
                    + TaskState.RUNNING + "' AND lease_expiry < ? ORDER BY run_id, idx " + limit(10_000) + lock())) {
                ps.setLong(1, Codec.nanos(now));
                expired = list(ps);
            }
            List<TaskRecord> reclaimed = new ArrayList<>();
            for (TaskRecord cur : expired) {
                TaskRecord next = cur.released("lease of " + cur.leaseOwner() + " expired");
                if (cas(c, next, cur.version())) {
                    reclaimed.add(next);
                }
            }
            return reclaimed;
        });
    }

    private String lock() {
        return dialect == SqlDialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
    }

    private static String limit(int n) {
        return "LIMIT " + Math.max(1, n);
    }

    private static List<TaskRecord> list(PreparedStatement ps) throws SQLException {
        List<TaskRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(Codec.task(rs));
            }
        }
        return out;
    }
}
