package dev.supervisor.core.jdbc.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.spi.RunChanges;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.api.spi.TaskClaims;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.jdbc.SqlDialect;
import dev.supervisor.core.json.WorkflowJson;
import dev.supervisor.core.json.internal.StoredReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * {@link RunStore} on one {@code sup_task} table that is both state and queue, with an event log in
 * {@code sup_event} written in the same transactions as the transitions it reports. Every task change is a
 * compare-and-set on the version column. On PostgreSQL it also offers {@link TaskClaims} (cluster mode, see
 * {@link JdbcClaims}) and wakes event followers through {@code LISTEN/NOTIFY}.
 */
public final class JdbcRunStore implements RunStore, RunEventLog {
    /** Runs at least this large refresh the planner's statistics of the task table when created. */
    private static final int ANALYZE_AT = 1_000;
    private final DataSource ds;
    private final SqlDialect dialect;
    final Sql sql;
    private final int maxRetainedRuns;
    /** Trimming reads every finished run's key: done once per 1 % of the history, not on every new run. */
    private final int trimEvery;
    private final AtomicInteger createdSinceTrim = new AtomicInteger();
    private final JdbcEvents events;
    private final JdbcClaims claims;
    private final PgNotifications notifications;
    /**
     * Workflow definitions read or written here, by digest: a node that executes tasks of a run and later takes it
     * over (or follows it) reads a large definition once, not once per use. Specs are immutable, so one instance
     * serves every reader; weighed by task count so that a few huge workflows cannot pin much memory.
     */
    private final Cache<String, WorkflowSpec> definitions = Caffeine.newBuilder().executor(Runnable::run)
            .maximumWeight(250_000).weigher((String d, WorkflowSpec w) -> w.tasks().size() + 1)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

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
        this.trimEvery = Math.max(1, Math.min(100, maxRetainedRuns / 100));
        this.events = new JdbcEvents(dialect);
        boolean pg = dialect == SqlDialect.POSTGRESQL;
        this.notifications = pg ? PgNotifications.of(ds) : null;
        this.claims = pg ? new JdbcClaims(this, events) : null;
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == TaskClaims.class) {
            return Optional.ofNullable(type.cast(claims)); // SKIP LOCKED: PostgreSQL only
        }
        return RunStore.super.capability(type);
    }

    boolean postgres() {
        return dialect == SqlDialect.POSTGRESQL;
    }

    /* ---- runs ---- */

    @Override
    public void createRun(RunRecord run, WorkflowSpec workflow, List<TaskRecord> tasks) {
        create(run, workflow, tasks, null);
    }

    void create(RunRecord run, WorkflowSpec workflow, List<TaskRecord> tasks, List<TaskClaims.Claimable> claimables) {
        String definition = WorkflowJson.writeCompact(workflow);
        String digest = Digests.sha256(definition);
        definitions.put(digest, workflow);
        sql.tx("create run " + run.runId(), c -> {
            storeDefinition(c, digest, workflow.id(), definition, run);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sup_run (run_id, workflow_id, status, "
                    + "inputs, created_at, finished_at, version, workflow_digest, shared) VALUES (?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?)")) {
                ps.setString(1, run.runId());
                ps.setString(2, run.workflowId());
                ps.setString(3, run.status().name());
                ps.setString(4, Codec.json(run.inputs()));
                ps.setLong(5, Codec.nanos(run.createdAt()));
                Codec.setLong(ps, 6, Codec.nanos(run.finishedAt()));
                ps.setLong(7, run.version());
                ps.setString(8, digest);
                ps.setBoolean(9, claimables != null);
                ps.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new SupervisorException("run " + run.runId() + " already exists");
                }
                throw e;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sup_task (" + Codec.TASK_COLUMNS
                    + ", type, tags, claim_order, teardown) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?)")) {
                for (int k = 0; k < tasks.size(); k++) {
                    int i = Codec.bindTask(ps, 1, tasks.get(k));
                    TaskClaims.Claimable cl = claimables == null ? null : claimables.get(k);
                    ps.setString(i++, cl == null ? null : cl.type());
                    ps.setString(i++, cl == null || cl.tags().isEmpty() ? null : "," + String.join(",", cl.tags())
                            + ",");
                    Codec.setLong(ps, i++, cl == null ? null : cl.order());
                    ps.setBoolean(i, cl != null && cl.teardown());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (postgres() && tasks.size() >= ANALYZE_AT) {
                // Fresh statistics for the claim queries: with the table's old figures (a handful of ready rows)
                // the planner sorted every ready row for each claim instead of reading the index in order, which
                // cost 20 ms per claim at 40k ready tasks. ANALYZE sees this transaction's own new rows.
                try (PreparedStatement ps = c.prepareStatement("ANALYZE sup_task")) {
                    ps.execute();
                }
            }
            return null;
        });
        if (createdSinceTrim.incrementAndGet() >= trimEvery) {
            createdSinceTrim.set(0);
            trimHistory();
        }
    }

    /** Definitions are kept once per content: every run of an unchanged workflow points at the same row. */
    private void storeDefinition(Connection c, String digest, String workflowId, String definition, RunRecord run)
            throws SQLException {
        String insert = postgres()
                ? "INSERT INTO sup_workflow_def (digest, workflow_id, definition, created_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (digest) DO NOTHING"
                : "MERGE INTO sup_workflow_def (digest, workflow_id, definition, created_at) KEY (digest) "
                        + "VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, digest);
            ps.setString(2, workflowId);
            ps.setString(3, definition);
            ps.setLong(4, Codec.nanos(run.createdAt()));
            ps.executeUpdate();
        }
    }

    /**
     * Keeps the newest {@code maxRetainedRuns} finished runs (between trims up to 1 % more); active runs are never
     * touched.
     */
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
            for (String table : new String[] {"sup_event", "sup_task", "sup_run"}) {
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

    static Optional<RunRecord> findRun(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sup_run WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Codec.run(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public dev.supervisor.api.RunPage runs(dev.supervisor.api.RunQuery query) {
        return sql.read("list runs", c -> RunListing.page(c, query));
    }

    @Override
    public Optional<WorkflowSpec> workflow(String runId) {
        Optional<String> digest = sql.read("read workflow of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT workflow_digest FROM sup_run WHERE run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        if (digest.isEmpty()) {
            return Optional.empty();
        }
        // One parse per definition: a second reader of the same digest meanwhile waits for the first one's.
        return Optional.ofNullable(definitions.get(digest.get(), this::readDefinition));
    }

    private WorkflowSpec readDefinition(String digest) {
        String json = sql.read("read workflow " + digest, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT definition FROM sup_workflow_def WHERE digest = ?")) {
                ps.setString(1, digest);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (json == null) {
            return null;
        }
        // Parsed with the connection given back; the store's own documents by the lean reader, anything it does not
        // expect by the checking one.
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        WorkflowSpec lean = StoredReader.read(json, context != null ? context : JdbcRunStore.class.getClassLoader());
        return lean != null ? lean : WorkflowJson.read(json);
    }

    @Override
    public void updateRun(RunRecord updated) {
        sql.tx("update run " + updated.runId(), c -> {
            casRun(c, updated);
            return null;
        });
    }

    private static void casRun(Connection c, RunRecord updated) throws SQLException {
        int rows;
        try (PreparedStatement ps = c.prepareStatement("UPDATE sup_run SET status = ?, inputs = ?, finished_at = ?, "
                + "version = ? WHERE run_id = ? AND version = ?")) {
            ps.setString(1, updated.status().name());
            ps.setString(2, Codec.json(updated.inputs()));
            Codec.setLong(ps, 3, Codec.nanos(updated.finishedAt()));
            ps.setLong(4, updated.version());
            ps.setString(5, updated.runId());
            ps.setLong(6, updated.version() - 1);
            rows = ps.executeUpdate();
        }
        if (rows == 0) {
            RunRecord cur = findRun(c, updated.runId()).orElse(null);
            if (cur != null && cur.version() == updated.version() && cur.status() == updated.status()) {
                return; // our own earlier write, whose acknowledgement was lost with the connection
            }
            throw new StaleVersionException("stale change of run " + updated.runId() + ": caller held version "
                    + (updated.version() - 1) + " but the store has " + (cur == null ? -1 : cur.version()));
        }
    }

    /* ---- tasks ---- */

    @Override
    public List<TaskRecord> tasks(String runId) {
        return sql.read("read tasks of " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + Codec.TASK_COLUMNS
                    + " FROM sup_task WHERE run_id = ? ORDER BY idx")) {
                ps.setString(1, runId);
                return list(ps);
            }
        });
    }

    @Override
    public List<TaskRecord> tasks(String runId, Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return sql.read("read tasks of " + runId, c -> {
            if (postgres()) {
                // One statement text for any number of ids, so the server plans it once (an IN list's text, and
                // plan, differ with its length; a run's owner reads other nodes' results this way all run long).
                try (PreparedStatement ps = c.prepareStatement("SELECT " + Codec.TASK_COLUMNS
                        + " FROM sup_task WHERE run_id = ? AND task_id "
                        + "= ANY(?)")) {
                    ps.setString(1, runId);
                    ps.setArray(2, c.createArrayOf("varchar", taskIds.toArray()));
                    return list(ps);
                }
            }
            List<TaskRecord> out = new ArrayList<>();
            List<String> ids = new ArrayList<>(taskIds);
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
                String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT " + Codec.TASK_COLUMNS
                        + " FROM sup_task WHERE run_id = ? AND task_id "
                        + "IN (" + marks + ")")) {
                    ps.setString(1, runId);
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 2, part.get(i));
                    }
                    out.addAll(list(ps));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<TaskRecord> task(String runId, String taskId) {
        return sql.read("read task " + taskId, c -> task(c, runId, taskId));
    }

    static Optional<TaskRecord> task(Connection c, String runId, String taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Codec.TASK_COLUMNS
                + " FROM sup_task WHERE run_id = ? AND task_id = ?")) {
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
        notifyIfReady(List.of(updated));
        return updated;
    }

    @Override
    public void updateAll(List<TaskRecord> updated) {
        apply(new RunChanges(updated.isEmpty() ? "-" : updated.get(0).runId(), "-", updated, null, List.of()));
    }

    /**
     * One transaction, one round trip per kind of row: each task's last record replaces the version before its
     * first (the steps in between are never visible to anyone else, and a retry after a lost commit
     * acknowledgement recognises the last record), then the run record, then the events. Nothing is written if
     * any stored version is not the expected one.
     */
    @Override
    public void apply(RunChanges changes) {
        if (changes.tasks().isEmpty() && changes.run() == null && changes.events().isEmpty()) {
            return;
        }
        LinkedHashMap<String, TaskRecord> last = new LinkedHashMap<>();
        HashMap<String, Long> expected = new HashMap<>();
        for (TaskRecord r : changes.tasks()) {
            String key = r.runId() + "\u0000" + r.taskId();
            expected.putIfAbsent(key, r.version() - 1);
            last.put(key, r);
        }
        List<TaskRecord> writes = new ArrayList<>(last.values());
        long[] from = new long[writes.size()];
        int k = 0;
        for (String key : last.keySet()) {
            from[k++] = expected.get(key);
        }
        sql.tx("store " + writes.size() + " changes of run " + changes.runId(), c -> {
            int[] counts = casBatch(c, writes, from, postgres());
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    TaskRecord r = writes.get(i);
                    long actual = task(c, r.runId(), r.taskId()).map(TaskRecord::version).orElse(-1L);
                    throw new StaleVersionException(r.runId(), r.taskId(), from[i], actual); // rolls back all
                }
            }
            if (changes.run() != null) {
                casRun(c, changes.run());
            }
            events.insert(c, changes.runId(), changes.node(), changes.events());
            if (postgres() && changes.events().isEmpty() && anyReady(writes)) {
                PgNotifications.send(c); // inserting events notifies by itself (a trigger on sup_event)
            }
            return null;
        });
    }

    private void notifyIfReady(List<TaskRecord> records) {
        if (postgres() && anyReady(records)) {
            sql.tx("notify", c -> {
                PgNotifications.send(c);
                return null;
            });
        }
    }

    private static boolean anyReady(List<TaskRecord> records) {
        for (TaskRecord r : records) {
            if (r.state() == TaskState.READY || r.state() == TaskState.RETRY_WAIT) {
                return true;
            }
        }
        return false;
    }

    /** @return per record: 1 if it replaced its expected version, 0 if fenced (one round trip for all) */
    static int[] casBatch(Connection c, List<TaskRecord> next, long[] expected, boolean pg) throws SQLException {
        if (next.isEmpty()) {
            return new int[0];
        }
        if (next.size() > 1 && pg) {
            return casUnnest(c, next, expected);
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

    /**
     * PostgreSQL: the batch as one statement over arrays. A JDBC batch sends its updates in one round trip, but the
     * server still starts, plans and runs each one; one join over the arrays costs about half as much per row.
     * Records must be of distinct tasks.
     */
    private static int[] casUnnest(Connection c, List<TaskRecord> next, long[] expected) throws SQLException {
        int n = next.size();
        Object[][] cols = new Object[16][n];
        for (int i = 0; i < n; i++) {
            TaskRecord r = next.get(i);
            cols[0][i] = r.runId();
            cols[1][i] = r.taskId();
            cols[2][i] = expected[i];
            cols[3][i] = r.state().name();
            cols[4][i] = r.attempt();
            cols[5][i] = r.version();
            cols[6][i] = r.leaseOwner();
            cols[7][i] = Codec.nanos(r.leaseExpiry());
            cols[8][i] = Codec.nanos(r.notBefore());
            cols[9][i] = Codec.nanos(r.startedAt());
            cols[10][i] = Codec.nanos(r.finishedAt());
            cols[11][i] = Codec.json(r.output());
            cols[12][i] = r.error();
            cols[13][i] = Codec.json(r.item());
            cols[14][i] = Codec.json(r.branches());
            cols[15][i] = r.shortCircuited();
        }
        String[] types = {"varchar", "varchar", "int8", "varchar", "int4", "int8", "varchar", "int8", "int8", "int8",
            "int8", "text", "text", "text", "text", "bool"};
        java.util.Set<String> written = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(CAS_UNNEST)) {
            for (int k = 0; k < cols.length; k++) {
                ps.setArray(k + 1, c.createArrayOf(types[k], cols[k]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    written.add(rs.getString(1) + "\u0000" + rs.getString(2));
                }
            }
        }
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            TaskRecord r = next.get(i);
            counts[i] = written.contains(r.runId() + "\u0000" + r.taskId()) || applied(c, r) ? 1 : 0;
        }
        return counts;
    }

    private static final String CAS_UNNEST = "UPDATE sup_task t SET state = v.state, attempt = v.attempt, version = "
            + "v.version, lease_owner = v.lease_owner, lease_expiry = v.lease_expiry, not_before = v.not_before, "
            + "started_at = v.started_at, finished_at = v.finished_at, output = v.output, error = v.error, item = "
            + "v.item, branches = v.branches, short_circuit = v.short_circuit FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?) AS v(run_id, task_id, expected, state, attempt, version, lease_owner, lease_expiry, "
            + "not_before, started_at, finished_at, output, error, item, branches, short_circuit) WHERE t.run_id = "
            + "v.run_id AND t.task_id = v.task_id AND t.version = v.expected RETURNING t.run_id, t.task_id";

    private static final String CAS = "UPDATE sup_task SET state = ?, attempt = ?, version = ?, lease_owner = ?, "
            + "lease_expiry = ?, not_before = ?, started_at = ?, finished_at = ?, output = ?, error = ?, item = ?, "
            + "branches = ?, short_circuit = ? WHERE run_id = ? AND task_id = ? AND version = ?";

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
        ps.setString(11, Codec.json(next.item()));
        ps.setString(12, Codec.json(next.branches()));
        ps.setBoolean(13, next.shortCircuited());
        ps.setString(14, next.runId());
        ps.setString(15, next.taskId());
        ps.setLong(16, expected);
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

    static List<TaskRecord> list(PreparedStatement ps) throws SQLException {
        List<TaskRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(Codec.task(rs));
            }
        }
        return out;
    }

    /* ---- event log ---- */

    @Override
    public List<StoredEvent> events(String runId, long afterSequence, int max) {
        return sql.read("read events of run " + runId, c -> events.ofRun(c, runId, afterSequence, max));
    }

    @Override
    public EventPage tail(String position, int max) {
        return sql.read("read new events", c -> events.tail(c, position, max, null));
    }

    @Override
    public EventPage tail(String position, int max, java.util.function.BiPredicate<String, String> wanted) {
        java.util.Objects.requireNonNull(wanted, "wanted");
        return sql.read("read new events", c -> events.tail(c, position, max, wanted));
    }

    @Override
    public TaskChanges taskChanges(String position, int max, java.util.function.BiPredicate<String, String> wanted) {
        java.util.Objects.requireNonNull(wanted, "wanted");
        return sql.read("read new events", c -> events.taskChanges(c, position, max, wanted));
    }

    @Override
    public boolean awaitEvents(Duration timeout) throws InterruptedException {
        return notifications != null && notifications.await(timeout);
    }
}
