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

    private final DataSource ds;
    private final Sql sql;
    private final JdbcRunStore store;
    private final String nodeId;
    private final Map<TaskType, TaskHandler> handlers;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> inputs = new ConcurrentHashMap<>();
    private final Map<String, Slot> running = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lease;
    private final int threads;
    private final List<Thread> workers = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private volatile boolean stopped;

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
        while (!stopped) {
            try {
                List<Claimed> got = claim(1);
                if (got.isEmpty()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5 + ThreadLocalRandom.current().nextInt(10)));
                    continue;
                }
                for (Claimed c : got) {
                    execute(c);
                }
            } catch (RuntimeException e) {
                LOG.warn("cluster worker on {} failed; retrying", nodeId, e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    private record Claimed(TaskRecord record, String workflowId) {
    }

    private List<Claimed> claim(int max) {
        Instant now = clock.instant();
        Instant expiry = now.plus(lease);
        return sql.tx("claim cluster tasks", c -> {
            List<Claimed> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.*, r.workflow_id AS wf FROM sup_task t JOIN "
                    + "sup_run r ON r.run_id = t.run_id WHERE r.status = 'RUNNING' AND r.workflow_id = ANY(?) AND "
                    + "(t.state = 'READY' OR (t.state = 'RETRY_WAIT' AND t.not_before <= ?)) ORDER BY t.idx "
                    + "LIMIT ? FOR UPDATE OF t SKIP LOCKED")) {
                ps.setArray(1, c.createArrayOf("varchar", plans.keySet().toArray()));
                ps.setLong(2, Codec.nanos(now));
                ps.setInt(3, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Claimed(Codec.task(rs), rs.getString("wf")));
                    }
                }
            }
            List<Claimed> claimed = new ArrayList<>();
            for (Claimed cl : out) {
                TaskRecord next = cl.record.claimed(nodeId, expiry, now);
                if (JdbcRunStore.cas(c, next, cl.record.version())) {
                    claimed.add(new Claimed(next, cl.workflowId));
                }
            }
            return claimed;
        });
    }

    private void execute(Claimed cl) {
        Plan plan = plans.get(cl.workflowId);
        TaskRecord rec = cl.record;
        String key = rec.runId() + ":" + rec.taskId();
        Slot slot = new Slot(rec);
        running.put(key, slot);
        TaskSpec spec = plan.tasks.get(rec.taskId());
        Object output = null;
        Throwable failure = null;
        try {
            ClusterContext ctx = new ClusterContext(rec.runId(), cl.workflowId, spec, rec.attempt(),
                    inputs.computeIfAbsent(rec.runId(), id -> store.findRun(id).map(RunRecord::inputs)
                            .orElse(Map.of())), upstream(rec.runId(), spec), clock, new boolean[1]);
            output = handlers.get(spec.type()).execute(ctx);
        } catch (Exception e) {
            failure = e;
        }
        running.remove(key);
        TaskRecord current;
        synchronized (slot) {
            slot.done = true;
            if (slot.lost) {
                return; // lease lost while running: another node owns the task now
            }
            current = slot.record;
        }
        Instant now = clock.instant();
        if (failure == null) {
            if (!store.casQuietly(current.finished(TaskState.SUCCEEDED, now, output, null), current.version())) {
                return; // fenced
            }
            promote(rec.runId(), plan, rec.taskId(), now);
        } else if (spec.retryPolicy().shouldRetry(rec.attempt(), failure)) {
            Instant notBefore = now.plus(spec.retryPolicy().delayAfter(rec.attempt(),
                    ThreadLocalRandom.current()::nextDouble));
            store.casQuietly(new TaskRecord(rec.runId(), rec.taskId(), rec.index(), TaskState.RETRY_WAIT,
                    current.attempt(), current.version() + 1, null, null, notBefore, current.startedAt(), null, null,
                    String.valueOf(failure)), current.version());
        } else if (store.casQuietly(current.finished(TaskState.FAILED, now, null, String.valueOf(failure)),
                current.version())) {
            failRun(rec.runId(), now);
        }
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
    private void promote(String runId, Plan plan, String taskId, Instant now) {
        List<String> succ = plan.successors.getOrDefault(taskId, List.of());
        sql.tx("promote successors of " + taskId, c -> {
            for (String s : succ) {
                List<String> deps = plan.tasks.get(s).dependencies().stream().map(Dependency::taskId).toList();
                try (PreparedStatement ps = c.prepareStatement("UPDATE sup_task SET state = 'READY', version = "
                        + "version + 1 WHERE run_id = ? AND task_id = ? AND state = 'PENDING' AND NOT EXISTS (SELECT 1 "
                        + "FROM sup_task d WHERE d.run_id = ? AND d.task_id = ANY(?) AND d.state <> 'SUCCEEDED')")) {
                    ps.setString(1, runId);
                    ps.setString(2, s);
                    ps.setString(3, runId);
                    ps.setArray(4, ids(c, deps));
                    ps.executeUpdate();
                }
            }
            if (succ.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sup_run SET status = 'SUCCEEDED', "
                        + "finished_at = ?, version = version + 1 WHERE run_id = ? AND status = 'RUNNING' AND NOT "
                        + "EXISTS (SELECT 1 FROM sup_task WHERE run_id = ? AND state <> 'SUCCEEDED')")) {
                    ps.setLong(1, Codec.nanos(now));
                    ps.setString(2, runId);
                    ps.setString(3, runId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private void failRun(String runId, Instant now) {
        sql.tx("fail run " + runId, c -> {
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
            return null;
        });
    }

    private void heartbeat() {
        try {
            Instant now = clock.instant();
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
            List<TaskRecord> back = store.reclaimExpired(clock.instant());
            if (!back.isEmpty()) {
                LOG.info("{} reclaimed {} tasks whose lease expired", nodeId, back.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("lease sweep on {} failed", nodeId, e);
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
