package dev.supervisor.core.jdbc.internal;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.jdbc.SqlDialect;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs workflows cooperatively across JVMs that share one PostgreSQL database. There is no coordinator: every node
 * claims READY task rows ({@code FOR UPDATE SKIP LOCKED}), runs them under a lease it keeps alive with heartbeats,
 * writes the result by compare-and-set (a node whose lease was reclaimed is fenced), promotes successors whose
 * dependencies all succeeded (a conditional update, so racing nodes promote once), and sweeps expired leases of
 * dead nodes back to READY. Plain dependency workflows only: trigger rules other than ALL_SUCCESS, conditions,
 * edge conditions and fan-out are refused at submit.
 */
public final class ClusterEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEngine.class);
    /** Most tasks one worker claims per transaction: fewer round trips, leases held a little longer. */
    private static final int BATCH = 64;

    private final DataSource ds;
    private final Sql sql;
    private final JdbcRunStore store;
    private final String nodeId;
    private final Map<TaskType, TaskHandler> handlers;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    /** Per-run caches, bounded so that a long-lived node does not keep every run it ever saw. */
    private final Map<String, Map<String, Object>> inputs = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(10_000).<String, Map<String, Object>>build().asMap();
    private final Map<String, Slot> running = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lease;
    private final int threads;
    private final List<Thread> workers = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private volatile boolean stopped;
    private final Map<String, String> runWorkflows = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(10_000).<String, String>build().asMap();
    private final java.util.concurrent.atomic.AtomicLong lastRepair = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger cursor = new java.util.concurrent.atomic.AtomicInteger(-1);
    private final java.util.concurrent.atomic.AtomicLong lastCompletionCheck =
            new java.util.concurrent.atomic.AtomicLong();

    /**
     * A task this node is running. Heartbeats and completion take turns on it, so completion always writes over the
     * version the last heartbeat stored.
     */
    private static final class Slot {
        TaskRecord record;
        boolean lost;
        boolean done;

        Slot(TaskRecord record) {
            this.record = record;
        }
    }

    /** Per workflow: specs, successors and dependencies by task id. */
    private record Plan(WorkflowSpec spec, Map<String, TaskSpec> tasks, Map<String, List<String>> successors) {
    }

    /**
     * @param ds the PostgreSQL database (migrated)
     * @param dialect must be POSTGRESQL
     * @param nodeId this node's name in leases
     * @param handlers handlers by task type
     * @param clock the clock
     * @param lease lease length
     * @param threads worker threads
     */
    public ClusterEngine(DataSource ds, SqlDialect dialect, String nodeId, Map<TaskType, TaskHandler> handlers,
                         Clock clock, Duration lease, int threads) {
        if (dialect != SqlDialect.POSTGRESQL) {
            throw new SupervisorException("clustered runs need PostgreSQL (SKIP LOCKED); " + dialect + " is not");
        }
        this.ds = ds;
        this.sql = new Sql(ds);
        this.store = new JdbcRunStore(ds, dialect, Integer.MAX_VALUE);
        this.nodeId = nodeId;
        this.handlers = Map.copyOf(handlers);
        this.clock = clock;
        this.lease = lease;
        this.threads = threads;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "supervisor-cluster-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** @param spec a workflow this node can run tasks of (every node registers the same specs) */
    public void register(WorkflowSpec spec) {
        for (TaskSpec t : spec.tasks()) {
            if (t.triggerRule() != TriggerRule.ALL_SUCCESS || t.condition().isPresent() || t.fanOut().isPresent()
                    || t.dependencies().stream().anyMatch(d -> d.condition().kind() != EdgeCondition.Kind.SUCCESS)) {
                throw new SupervisorException("task '" + t.id() + "' of workflow '" + spec.id() + "' uses trigger "
                        + "rules, conditions or fan-out, which clustered runs do not support");
            }
            if (!handlers.containsKey(t.type())) {
                throw new SupervisorException("no handler for task type '" + t.type().name() + "' (task '" + t.id()
                        + "')");
            }
        }
        Map<String, TaskSpec> byId = new HashMap<>();
        Map<String, List<String>> succ = new HashMap<>();
        for (TaskSpec t : spec.tasks()) {
            byId.put(t.id(), t);
            for (Dependency d : t.dependencies()) {
                succ.computeIfAbsent(d.taskId(), k -> new ArrayList<>()).add(t.id());
            }
        }
        plans.put(spec.id(), new Plan(spec, byId, succ));
    }

    /**
     * @param spec the workflow (registered on every node)
     * @param runInputs JSON-compatible inputs
     * @return the new run's id; any node may run its tasks
     */
    public String submit(WorkflowSpec spec, Map<String, Object> runInputs) {
        register(spec);
        String runId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        List<TaskRecord> tasks = new ArrayList<>();
        int i = 0;
        for (TaskSpec t : spec.tasks()) {
            TaskRecord p = TaskRecord.pending(runId, t.id(), i++);
            tasks.add(t.dependencies().isEmpty() ? p.to(TaskState.READY) : p);
        }
        store.createRun(new RunRecord(runId, spec.id(), RunStatus.RUNNING, runInputs, now, null, 0), tasks);
        return runId;
    }

    /** Starts the worker threads, the heartbeat and the sweeper. */
    public void start() {
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::work, "supervisor-cluster-" + nodeId + "-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        long beat = Math.max(50, lease.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::sweep, beat, beat, TimeUnit.MILLISECONDS);
    }

    /**
     * @param runId a run
     * @return its status as stored
     */
    public RunStatus status(String runId) {
        return store.findRun(runId).map(RunRecord::status).orElseThrow(() -> new SupervisorException("no run "
                + runId));
    }

    private void work() {
        // Claim one at a time while work is scarce (a DAG's narrow layers), up to BATCH while it is plentiful.
        int size = 1;
        while (!stopped) {
            try {
                List<Claimed> got = claim(size);
                size = got.size() == size ? Math.min(BATCH, size * 2) : 1;
                if (got.isEmpty()) {
                    completeRuns();
                    repairPromotions();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5 + ThreadLocalRandom.current().nextInt(10)));
                    continue;
                }
                executeAll(got);
            } catch (RuntimeException e) {
                LOG.warn("cluster worker on {} failed; retrying", nodeId, e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    private record Claimed(TaskRecord record, String workflowId) {
    }

    private List<Claimed> claim(int max) {
        return sql.tx("claim cluster tasks", c -> {
            Instant now = databaseNow(c);
            Instant expiry = now.plus(lease);
            // One statement picks and leases the batch: READY first through the (state, idx) index, then due retries.
            // The scan starts after the last position this node took: claimed rows leave dead READY index entries
            // behind (until vacuum), and starting at the front every time would walk all of them.
            int from = cursor.get();
            List<Claimed> out = claim(c, "t2.state = 'READY' AND t2.idx > " + from, max, now, expiry, false);
            if (out.isEmpty() && from >= 0) {
                out = claim(c, "t2.state = 'READY'", max, now, expiry, false);
            }
            if (out.isEmpty()) {
                out = claim(c, "t2.state = 'RETRY_WAIT' AND t2.not_before <= ?", max, now, expiry, true);
            }
            int last = out.isEmpty() ? -1 : out.stream().mapToInt(cl -> cl.record.index()).max().getAsInt();
            cursor.set(out.isEmpty() ? -1 : last);
            return out;
        });
    }

    private List<Claimed> claim(Connection c, String filter, int max, Instant now, Instant expiry, boolean due)
            throws SQLException {
        List<TaskRecord> picked = new ArrayList<>();
        // Mirrors TaskRecord.claimed: RUNNING, attempt + 1, version + 1, lease, started once, result cleared. The
        // pick reads sup_task alone so it stays an index range scan of the ready rows however large the table
        // grows; ARRAY(...) runs it first and the update then visits exactly those rows by physical address (a
        // join back on the key let the planner choose a hash join over the whole table: 37 ms per claim at 40k).
        // The row locks taken by the pick keep those addresses valid until the update.
        try (PreparedStatement ps = c.prepareStatement("UPDATE sup_task t SET state = 'RUNNING', attempt = t.attempt "
                + "+ 1, version = t.version + 1, lease_owner = ?, lease_expiry = ?, not_before = NULL, started_at = "
                + "COALESCE(t.started_at, ?), finished_at = NULL, output = NULL WHERE t.ctid = ANY(ARRAY("
                + pickSql(filter) + ")) RETURNING t.*")) {
            int i = 1;
            ps.setString(i++, nodeId);
            ps.setLong(i++, Codec.nanos(expiry));
            ps.setLong(i++, Codec.nanos(now));
            if (due) {
                ps.setLong(i++, Codec.nanos(now));
            }
            ps.setInt(i, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    picked.add(Codec.task(rs));
                }
            }
        }
        List<Claimed> out = new ArrayList<>();
        for (TaskRecord r : picked) {
            String wf = workflowOf(c, r.runId());
            if (wf != null && plans.containsKey(wf)) {
                out.add(new Claimed(r, wf));
            } else {
                // A run this node cannot execute (another deployment's workflow, or a run that ended): hand it back.
                JdbcRunStore.cas(c, r.released("node " + nodeId + " does not run workflow " + wf), r.version());
            }
        }
        return out;
    }

    /**
     * @param filter conditions on {@code t2}, the task table
     * @return the query that picks and locks a batch of claimable rows (its limit is the last parameter)
     */
    public static String pickSql(String filter) {
        return "SELECT t2.ctid FROM sup_task t2 WHERE " + filter + " ORDER BY t2.state, t2.idx LIMIT ? FOR UPDATE "
                + "SKIP LOCKED";
    }

    /** @return the workflow of a running run (cached), or null if the run is not running */
    private String workflowOf(Connection c, String runId) throws SQLException {
        String cached = runWorkflows.get(runId);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT workflow_id FROM sup_run WHERE run_id = ? AND status = "
                + "'RUNNING'")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String wf = rs.getString(1);
                runWorkflows.put(runId, wf);
                return wf;
            }
        }
    }

    /** A handler's result waiting to be written. */
    private record Result(Claimed claimed, Slot slot, Object output, Throwable failure) {
    }

    /**
     * Runs a claimed batch, writes every result in one transaction, then promotes successors in a second one. The
     * promotion checks must run after the results commit: two nodes finishing the two dependencies of one task at
     * once would otherwise each see the other's dependency unfinished, and nobody would promote it.
     */
    private void executeAll(List<Claimed> batch) {
        // Every claimed task gets its slot now, so heartbeats keep the whole batch's leases alive while it runs.
        Map<Claimed, Slot> slots = new java.util.LinkedHashMap<>();
        for (Claimed cl : batch) {
            Slot slot = new Slot(cl.record);
            running.put(cl.record.runId() + ":" + cl.record.taskId(), slot);
            slots.put(cl, slot);
        }
        List<Result> results = new ArrayList<>();
        slots.forEach((cl, slot) -> results.add(run(cl, slot)));
        List<Claimed> succeeded = sql.tx("complete cluster tasks", c -> {
            Instant now = databaseNow(c);
            List<Pending> writes = new ArrayList<>();
            for (Result r : results) {
                Pending p = write(r, now);
                if (p != null) {
                    writes.add(p);
                }
            }
            int[] counts = JdbcRunStore.casBatch(c, writes.stream().map(Pending::next).toList(),
                    writes.stream().mapToLong(Pending::expected).toArray());
            List<Claimed> ok = new ArrayList<>();
            for (int k = 0; k < writes.size(); k++) {
                Pending p = writes.get(k);
                if (counts[k] != 1) {
                    continue; // fenced: the lease was reclaimed and another node owns the task
                }
                if (p.next.state() == TaskState.SUCCEEDED) {
                    ok.add(p.claimed);
                } else if (p.next.state() == TaskState.FAILED) {
                    failRun(c, p.next.runId(), now);
                }
            }
            return ok;
        });
        succeeded.removeIf(cl -> plans.get(cl.workflowId).successors.getOrDefault(cl.record.taskId(), List.of())
                .isEmpty());
        if (!succeeded.isEmpty()) {
            // Candidates of the whole batch, deduplicated and in one global order, so that nodes promoting
            // overlapping successors lock rows in the same order (no deadlocks between them).
            java.util.TreeMap<String, String[]> candidates = new java.util.TreeMap<>();
            for (Claimed cl : succeeded) {
                Plan plan = plans.get(cl.workflowId);
                for (String s : plan.successors.getOrDefault(cl.record.taskId(), List.of())) {
                    candidates.put(cl.record.runId() + "\u0000" + s, new String[] {cl.workflowId, cl.record.runId(),
                            s});
                }
            }
            sql.tx("promote successors", c -> {
                for (String[] cand : candidates.values()) {
                    promoteOne(c, cand[1], plans.get(cand[0]), cand[2]);
                }
                return null;
            });
        }
    }

    private Result run(Claimed cl, Slot slot) {
        Plan plan = plans.get(cl.workflowId);
        TaskRecord rec = cl.record;
        TaskSpec spec = plan.tasks.get(rec.taskId());
        try {
            ClusterContext ctx = new ClusterContext(rec.runId(), cl.workflowId, spec, rec.attempt(),
                    inputs.computeIfAbsent(rec.runId(), id -> store.findRun(id).map(RunRecord::inputs)
                            .orElse(Map.of())), upstream(rec.runId(), spec), clock, new boolean[1]);
            return new Result(cl, slot, handlers.get(spec.type()).execute(ctx), null);
        } catch (Exception e) {
            return new Result(cl, slot, null, e);
        }
    }

    /** A result ready to be written: the new record and the version it replaces. */
    private record Pending(Claimed claimed, TaskRecord next, long expected) {
    }

    /** @return the write for a result, or null if this node lost the lease while running it */
    private Pending write(Result r, Instant now) {
        TaskRecord rec = r.claimed.record;
        running.remove(rec.runId() + ":" + rec.taskId());
        TaskRecord current;
        synchronized (r.slot) {
            r.slot.done = true;
            if (r.slot.lost) {
                return null;
            }
            current = r.slot.record;
        }
        TaskSpec spec = plans.get(r.claimed.workflowId).tasks.get(rec.taskId());
        TaskRecord next;
        if (r.failure == null) {
            next = current.finished(TaskState.SUCCEEDED, now, r.output, null);
        } else if (spec.retryPolicy().shouldRetry(rec.attempt(), r.failure)) {
            Instant notBefore = now.plus(spec.retryPolicy().delayAfter(rec.attempt(),
                    ThreadLocalRandom.current()::nextDouble));
            next = new TaskRecord(rec.runId(), rec.taskId(), rec.index(), TaskState.RETRY_WAIT, current.attempt(),
                    current.version() + 1, null, null, notBefore, current.startedAt(), null, null,
                    String.valueOf(r.failure));
        } else {
            next = current.finished(TaskState.FAILED, now, null, String.valueOf(r.failure));
        }
        return new Pending(r.claimed, next, current.version());
    }

    private Map<String, Object> upstream(String runId, TaskSpec spec) {
        if (spec.dependencies().isEmpty()) {
            return Map.of();
        }
        return sql.read("read upstream outputs", c -> {
            Map<String, Object> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT task_id, output FROM sup_task WHERE run_id = ? "
                    + "AND task_id = ANY(?) AND state = 'SUCCEEDED'")) {
                ps.setString(1, runId);
                ps.setArray(2, ids(c, spec.dependencies().stream().map(Dependency::taskId).toList()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object o = Codec.fromJson(rs.getString(2));
                        if (o != null) {
                            out.put(rs.getString(1), o);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Makes READY every successor whose dependencies have all succeeded; completes the run after a sink. */
    /** Makes {@code task} READY if it is PENDING and every dependency has succeeded (idempotent). */
    private void promoteOne(Connection c, String runId, Plan plan, String task) throws SQLException {
        List<String> deps = plan.tasks.get(task).dependencies().stream().map(Dependency::taskId).toList();
        try (PreparedStatement ps = c.prepareStatement("UPDATE sup_task SET state = 'READY', version = version + 1 "
                + "WHERE run_id = ? AND task_id = ? AND state = 'PENDING' AND NOT EXISTS (SELECT 1 FROM sup_task d "
                + "WHERE d.run_id = ? AND d.task_id = ANY(?) AND d.state <> 'SUCCEEDED')")) {
            ps.setString(1, runId);
            ps.setString(2, task);
            ps.setString(3, runId);
            ps.setArray(4, ids(c, deps));
            ps.executeUpdate();
        }
    }

    /**
     * Promotes every PENDING task of our running runs whose dependencies have all succeeded. Normally promotion
     * follows each completion; this catches the ones a failed promotion transaction left behind (the completion
     * had committed). Runs when a node is idle, at most once a second.
     */
    private void repairPromotions() {
        long t = System.nanoTime();
        long last = lastRepair.get();
        if (t - last < TimeUnit.SECONDS.toNanos(1) || !lastRepair.compareAndSet(last, t)) {
            return;
        }
        sql.tx("repair promotions", c -> {
            Map<String, String> runs = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, workflow_id FROM sup_run WHERE status = "
                    + "'RUNNING' AND workflow_id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("varchar", plans.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        runs.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (Map.Entry<String, String> run : runs.entrySet()) {
                Plan plan = plans.get(run.getValue());
                Map<String, String> states = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT task_id, state FROM sup_task WHERE run_id = ?")) {
                    ps.setString(1, run.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            states.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
                for (Map.Entry<String, String> e : states.entrySet()) {
                    if (e.getValue().equals("PENDING") && plan.tasks.get(e.getKey()).dependencies().stream()
                            .allMatch(d -> "SUCCEEDED".equals(states.get(d.taskId())))) {
                        promoteOne(c, run.getKey(), plan, e.getKey());
                    }
                }
            }
            return null;
        });
    }

    /**
     * Marks finished every running run of our workflows with no unfinished task. Called when a worker finds nothing
     * to claim, so its cost is paid when there is no work rather than once per task.
     */
    private void completeRuns() {
        long t = System.nanoTime();
        long last = lastCompletionCheck.get();
        if (t - last < TimeUnit.MILLISECONDS.toNanos(25) || !lastCompletionCheck.compareAndSet(last, t)) {
            return; // one check per node every 25 ms while idle
        }
        sql.tx("complete runs", c -> {
            Instant now = databaseNow(c);
            try (PreparedStatement ps = c.prepareStatement("UPDATE sup_run r SET status = 'SUCCEEDED', "
                    + "finished_at = ?, version = version + 1 WHERE r.status = 'RUNNING' AND r.workflow_id = ANY(?) "
                    + "AND NOT EXISTS (SELECT 1 FROM sup_task t WHERE t.run_id = r.run_id AND t.state <> "
                    + "'SUCCEEDED')")) {
                ps.setLong(1, Codec.nanos(now));
                ps.setArray(2, c.createArrayOf("varchar", plans.keySet().toArray()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void failRun(Connection c, String runId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sup_run SET status = 'FAILED', finished_at = ?, "
                + "version = version + 1 WHERE run_id = ? AND status = 'RUNNING'")) {
            ps.setLong(1, Codec.nanos(now));
            ps.setString(2, runId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sup_task SET state = 'CANCELLED', version = "
                + "version + 1 WHERE run_id = ? AND state IN ('PENDING', 'READY', 'RETRY_WAIT')")) {
            ps.setString(1, runId);
            ps.executeUpdate();
        }
    }

    private void heartbeat() {
        try {
            if (running.isEmpty()) {
                return;
            }
            Instant now = sql.read("read database clock", this::databaseNow);
            for (Slot slot : running.values()) {
                synchronized (slot) {
                    if (slot.done || slot.lost) {
                        continue;
                    }
                    store.heartbeat(slot.record, lease, now).ifPresentOrElse(next -> slot.record = next,
                            () -> slot.lost = true);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("heartbeat on {} failed", nodeId, e);
        }
    }

    private void sweep() {
        try {
            List<TaskRecord> back = store.reclaimExpired(sql.read("read database clock", this::databaseNow));
            if (!back.isEmpty()) {
                LOG.info("{} reclaimed {} tasks whose lease expired", nodeId, back.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("lease sweep on {} failed", nodeId, e);
        }
    }

    /**
     * Leases are granted, renewed and expired on the database's clock, so nodes whose clocks disagree still agree
     * on when a lease ends.
     */
    private Instant databaseNow(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long micros = rs.getLong(1);
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        }
    }

    private static Array ids(Connection c, List<String> ids) throws SQLException {
        return c.createArrayOf("varchar", ids.toArray());
    }

    @Override
    public void close() {
        stopped = true;
        timer.shutdownNow();
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
