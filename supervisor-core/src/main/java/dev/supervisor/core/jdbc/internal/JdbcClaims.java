package dev.supervisor.core.jdbc.internal;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.TaskClaims;
import dev.supervisor.api.spi.TaskRecord;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link TaskClaims} on PostgreSQL. Claims pick rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers
 * take different rows; leases and back-offs are on the database's clock. A stop request locks the run row
 * {@code FOR UPDATE}, and every claim holds {@code FOR KEY SHARE} on the runs it takes tasks of: the two exclude
 * each other, so once a stop request has returned no task of the run is claimed any more, and a claim that was
 * under way has committed and is visible.
 */
public final class JdbcClaims implements TaskClaims {
    private final JdbcRunStore store;
    private final JdbcEvents events;
    private final Sql sql;

    JdbcClaims(JdbcRunStore store, JdbcEvents events) {
        this.store = store;
        this.events = events;
        this.sql = store.sql;
    }

    @Override
    public Instant now() {
        return sql.read("read database clock", JdbcClaims::now);
    }

    /** Leases are granted, renewed and expire on the database's clock, so nodes whose clocks disagree agree. */
    static Instant now(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long micros = rs.getLong(1);
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        }
    }

    @Override
    public void createRun(RunRecord run, WorkflowSpec workflow, List<TaskRecord> tasks, List<Claimable> claimables) {
        if (claimables.size() != tasks.size()) {
            throw new IllegalArgumentException(tasks.size() + " tasks but " + claimables.size() + " claimables");
        }
        store.create(run, workflow, tasks, claimables);
    }

    @Override
    public List<TaskRecord> claim(ClaimRequest request, Function<ClaimedTask, List<SupervisorEvent>> started) {
        return sql.tx("claim tasks", c -> {
            List<ClaimedTask> claimed = claim(c, request, request.max(), "t.state = 'READY'");
            if (claimed.size() < request.max()) {
                claimed.addAll(claim(c, request, request.max() - claimed.size(), "t.state = 'RETRY_WAIT' AND "
                        + "t.not_before <= " + NOW));
            }
            Map<String, List<SupervisorEvent>> byRun = new java.util.LinkedHashMap<>();
            List<TaskRecord> out = new ArrayList<>(claimed.size());
            for (ClaimedTask t : claimed) {
                out.add(t.task());
                byRun.computeIfAbsent(t.task().runId(), x -> new ArrayList<>()).addAll(started.apply(t));
            }
            for (var e : byRun.entrySet()) {
                events.insert(c, e.getKey(), request.node(), e.getValue()); // notifies followers (a trigger)
            }
            return out;
        });
    }

    /** One statement: picks, locks and updates up to {@code max} rows in the given state. */
    private static List<ClaimedTask> claim(Connection c, ClaimRequest request, int max, String state)
            throws SQLException {
        boolean tags = !request.excludedTags().isEmpty();
        List<ClaimedTask> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(claimSql(state, tags))) {
            int i = 1;
            ps.setString(i++, request.node());
            ps.setLong(i++, request.lease().toNanos());
            ps.setArray(i++, c.createArrayOf("varchar", request.types().toArray()));
            if (tags) {
                List<String> patterns = new ArrayList<>();
                for (String tag : request.excludedTags()) {
                    patterns.add("%," + tag.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                            + ",%");
                }
                ps.setArray(i++, c.createArrayOf("varchar", patterns.toArray()));
            }
            ps.setInt(i, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ClaimedTask(Codec.task(rs), rs.getString(Codec.TASK_COLUMN_COUNT + 2),
                            rs.getString(Codec.TASK_COLUMN_COUNT + 1)));
                }
            }
        }
        return out;
    }

    /** The database's clock in epoch nanoseconds (microsecond precision), read once per statement. */
    static final String NOW = "(SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT) * 1000)";

    /**
     * Claims in one statement: the rows picked (see {@link #pickSql}) are visited by physical address, which keeps
     * the planner from joining back over the table, and moved to RUNNING as {@code TaskRecord.claimed} does
     * (attempt + 1, version + 1, lease, started once, result cleared). The database's clock is read in the
     * statement, not in a round trip. Returns the task columns, the task type and the run's workflow id, in claim
     * order (an update returns rows in the order it visits them).
     *
     * @param state the state condition on {@code t}
     * @param excludeTags whether a parameter of tag patterns to skip follows the types
     * @return the statement: parameters are node, lease in nanoseconds, types, (tag patterns,) limit
     */
    public static String claimSql(String state, boolean excludeTags) {
        return "WITH u AS (UPDATE sup_task t SET state = 'RUNNING', attempt = t.attempt + 1, version = t.version "
                + "+ 1, lease_owner = ?, lease_expiry = " + NOW + " + ?, not_before = NULL, started_at = COALESCE(t.started_at, " + NOW
                + "), finished_at = NULL, output = NULL, branches = NULL, short_circuit = FALSE FROM sup_run r WHERE "
                + "r.run_id = t.run_id AND t.ctid = ANY(ARRAY(" + pickSql(state, excludeTags) + ")) AND (r.stop IS "
                + "NULL OR t.teardown) RETURNING "
                + Codec.taskColumns("t.") + ", t.type, r.workflow_id, t.claim_order AS o) SELECT * FROM u ORDER BY o, "
                + "idx";
    }

    /**
     * Picks claimable rows of running runs. The task rows are locked, skipping those another claim holds; the run
     * rows are held {@code FOR KEY SHARE} against a stop request until commit. Of a run asked to stop only teardown
     * tasks are claimed: {@link #claimSql} leaves the others as they are (a condition on the run's stop request here
     * makes the planner give up the ready index for a sort of every ready row).
     *
     * @param state the state condition on {@code t}
     * @param excludeTags whether a parameter of tag patterns to skip follows the types
     * @return the query that picks and locks claimable rows: parameters are types, (tag patterns,) limit
     */
    public static String pickSql(String state, boolean excludeTags) {
        return "SELECT t.ctid FROM sup_task t JOIN sup_run r ON r.run_id = t.run_id AND r.status = 'RUNNING' WHERE "
                + state + " AND t.type = ANY(?)"
                + (excludeTags ? " AND NOT (COALESCE(t.tags, '') LIKE ANY(?))" : "")
                + " ORDER BY t.claim_order, t.idx LIMIT ? FOR UPDATE OF t SKIP LOCKED FOR KEY SHARE OF r";
    }

    @Override
    public Optional<TaskRecord> heartbeat(TaskRecord current, Duration lease) {
        if (current.state() != dev.supervisor.api.TaskState.RUNNING) {
            return Optional.empty();
        }
        return sql.tx("heartbeat " + current.taskId(), c -> {
            TaskRecord next = current.heartbeat(now(c).plus(lease));
            return JdbcRunStore.cas(c, next, current.version()) ? Optional.of(next) : Optional.<TaskRecord>empty();
        });
    }

    @Override
    public List<TaskRecord> reclaimExpired(int max) {
        List<TaskRecord> back = sql.tx("reclaim expired leases", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sup_task SET state = 'READY', version = version + 1, "
                    + "error = 'lease of ' || lease_owner || ' expired', lease_owner = NULL, lease_expiry = NULL, "
                    + "finished_at = NULL, output = NULL WHERE ctid = ANY(ARRAY(SELECT ctid FROM sup_task WHERE state = "
                    + "'RUNNING' AND lease_expiry < ? LIMIT ? FOR UPDATE SKIP LOCKED)) RETURNING "
                    + Codec.TASK_COLUMNS)) {
                ps.setLong(1, Codec.nanos(now(c)));
                ps.setInt(2, Math.max(1, max));
                List<TaskRecord> r = JdbcRunStore.list(ps);
                if (!r.isEmpty()) {
                    PgNotifications.send(c);
                }
                return r;
            }
        });
        return back;
    }

    @Override
    public boolean ownRun(String runId, String node, Duration lease) {
        return sql.tx("own run " + runId, c -> {
            Instant now = now(c);
            try (PreparedStatement ps = c.prepareStatement("UPDATE sup_run SET owner = ?, owner_expiry = ? WHERE "
                    + "run_id = ? AND (owner IS NULL OR owner = ? OR owner_expiry < ?)")) {
                ps.setString(1, node);
                ps.setLong(2, Codec.nanos(now.plus(lease)));
                ps.setString(3, runId);
                ps.setString(4, node);
                ps.setLong(5, Codec.nanos(now));
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<String> adoptRuns(String node, Duration lease, int max) {
        return sql.tx("adopt runs", c -> {
            Instant now = now(c);
            List<String> out = new ArrayList<>();
            // A released run has an expiry of 0; one that never got an owner is adopted a lease after creation.
            // FOR NO KEY UPDATE, not FOR UPDATE: every claim holds FOR KEY SHARE on the runs it takes tasks of, and
            // FOR UPDATE SKIP LOCKED passed over a run whose tasks some node was claiming at that moment. On a busy
            // cluster that is nearly always, and a run left by its owner waited for adoption round after round.
            try (PreparedStatement ps = c.prepareStatement("UPDATE sup_run SET owner = ?, owner_expiry = ? WHERE "
                    + "run_id = ANY(ARRAY(SELECT run_id FROM sup_run WHERE shared AND status IN ('PENDING', 'RUNNING') "
                    + "AND (owner_expiry < ? OR (owner_expiry IS NULL AND created_at <= ?)) LIMIT ? FOR NO KEY UPDATE "
                    + "SKIP LOCKED)) RETURNING run_id")) {
                ps.setString(1, node);
                ps.setLong(2, Codec.nanos(now.plus(lease)));
                ps.setLong(3, Codec.nanos(now));
                ps.setLong(4, Codec.nanos(now.minus(lease)));
                ps.setInt(5, Math.max(1, max));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, RunStatus> renewRuns(String node, Duration lease) {
        return sql.tx("renew runs", c -> {
            Map<String, RunStatus> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE sup_run SET owner_expiry = ? WHERE owner = ? AND "
                    + "status IN ('PENDING', 'RUNNING') RETURNING run_id, stop")) {
                ps.setLong(1, Codec.nanos(now(c).plus(lease)));
                ps.setString(2, node);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String stop = rs.getString(2);
                        out.put(rs.getString(1), stop == null ? null : RunStatus.valueOf(stop));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void releaseRun(String runId, String node) {
        sql.tx("release run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sup_run SET owner = NULL, owner_expiry = 0 WHERE "
                    + "run_id = ? AND owner = ?")) {
                ps.setString(1, runId);
                ps.setString(2, node);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public RunStatus requestStop(String runId, RunStatus how) {
        return sql.tx("stop run " + runId, c -> {
            String stop;
            String status;
            try (PreparedStatement ps = c.prepareStatement("SELECT stop, status FROM sup_run WHERE run_id = ? FOR "
                    + "UPDATE")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new dev.supervisor.api.SupervisorException("no run " + runId + " in the store");
                    }
                    stop = rs.getString(1);
                    status = rs.getString(2);
                }
            }
            if (stop == null && !RunStatus.valueOf(status).isTerminal()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sup_run SET stop = ? WHERE run_id = ?")) {
                    ps.setString(1, how.name());
                    ps.setString(2, runId);
                    ps.executeUpdate();
                }
                PgNotifications.send(c);
                return how;
            }
            return stop == null ? null : RunStatus.valueOf(stop);
        });
    }

    @Override
    public Set<String> stopping(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return Set.of();
        }
        return sql.read("read stop requests", c -> {
            Set<String> alive = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id FROM sup_run WHERE run_id = ANY(?) AND stop "
                    + "IS NULL AND status IN ('PENDING', 'RUNNING')")) {
                Array a = c.createArrayOf("varchar", runIds.toArray());
                ps.setArray(1, a);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        alive.add(rs.getString(1));
                    }
                }
            }
            Set<String> out = new HashSet<>(runIds);
            out.removeAll(alive);
            return out;
        });
    }
}
