package dev.supervisor.core.jdbc;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.jdbc.internal.ClusterEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * One member of a group of JVMs that run workflows together on one PostgreSQL database, with no coordinator: any
 * node can submit a run, every node claims ready tasks ({@code FOR UPDATE SKIP LOCKED}), runs them under a lease it
 * renews, writes results by compare-and-set, promotes successors, and returns the tasks of dead nodes to the queue
 * once their lease expires (at-least-once; handlers get a stable idempotency key). Clustered workflows use plain
 * dependencies with retry policies; trigger rules, conditions and fan-out stay with the single-node
 * {@link dev.supervisor.core.Supervisor}.
 *
 * <pre>{@code
 * ClusterNode node = ClusterNode.builder(dataSource).nodeId("api-1").threads(4)
 *         .handler(TaskType.of("build"), buildHandler).workflow(pipeline).build();
 * String runId = node.submit(pipeline, Map.of("commit", sha));   // on any node
 * RunStatus status = node.await(runId, Duration.ofMinutes(10));
 * }</pre>
 */
public final class ClusterNode implements AutoCloseable {
    private final ClusterEngine engine;
    private final String nodeId;
    private final DataSource ds;

    private ClusterNode(Builder b) {
        SqlDialect dialect = JdbcStores.migrate(b.ds);
        this.nodeId = b.nodeId;
        this.ds = b.ds;
        this.engine = new ClusterEngine(b.ds, dialect, b.nodeId, b.handlers, b.clock, b.lease, b.threads);
        b.workflows.values().forEach(engine::register);
        engine.start();
    }

    /**
     * @param ds the shared PostgreSQL database
     * @return a builder
     */
    public static Builder builder(DataSource ds) {
        return new Builder(ds);
    }

    /** @return this node's id (the lease owner name) */
    public String nodeId() {
        return nodeId;
    }

    /**
     * @param workflow the workflow; every node must register it (builder) to take part
     * @param inputs JSON-compatible run inputs
     * @return the run id
     */
    public String submit(WorkflowSpec workflow, Map<String, Object> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        JdbcStores.saveWorkflow(ds, workflow);
        return engine.submit(workflow, inputs);
    }

    /** @param runId a run @return its stored status */
    public RunStatus status(String runId) {
        return engine.status(runId);
    }

    /**
     * Waits (polling the database) until the run ends or the timeout passes.
     *
     * @param runId a run
     * @param timeout the longest wait
     * @return the status at the end of the wait
     */
    public RunStatus await(String runId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        RunStatus s = status(runId);
        while ((s == RunStatus.RUNNING || s == RunStatus.PENDING) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            s = status(runId);
        }
        return s;
    }

    /** Stops claiming; running handlers finish, their leases lapse if they do not. */
    @Override
    public void close() {
        engine.close();
    }

    /** Builds and starts a {@link ClusterNode}. */
    public static final class Builder {
        private final DataSource ds;
        private String nodeId = "node-" + Long.toHexString(System.nanoTime());
        private final Map<TaskType, TaskHandler> handlers = new HashMap<>();
        private final Map<String, WorkflowSpec> workflows = new HashMap<>();
        private int threads = 4;
        private Duration lease = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource ds) {
            this.ds = Objects.requireNonNull(ds, "dataSource");
        }

        /** @param id unique among the nodes @return this */
        public Builder nodeId(String id) {
            if (id == null || id.isBlank() || id.length() > 200) {
                throw new IllegalArgumentException("nodeId must be 1-200 characters");
            }
            this.nodeId = id;
            return this;
        }

        /** @param type a task type @param handler its handler @return this */
        public Builder handler(TaskType type, TaskHandler handler) {
            handlers.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        /** @param workflow a workflow this node runs tasks of @return this */
        public Builder workflow(WorkflowSpec workflow) {
            workflows.put(workflow.id(), workflow);
            return this;
        }

        /** @param n worker threads, 1–256 (default 4) @return this */
        public Builder threads(int n) {
            if (n < 1 || n > 256) {
                throw new IllegalArgumentException("threads must be between 1 and 256 but was " + n);
            }
            this.threads = n;
            return this;
        }

        /** @param lease how long a claim lasts without a heartbeat, 1 s to 1 h (default 30 s) @return this */
        public Builder lease(Duration lease) {
            if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0
                    || lease.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("lease must be between 1 s and 1 h but was " + lease);
            }
            this.lease = lease;
            return this;
        }

        /**
         * @param clock the clock handlers see; leases, claim and completion times use the database's clock, so
         *        nodes with drifting clocks still agree on when a lease ends
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the started node @throws JdbcStoreException if the database is unusable */
        public ClusterNode build() {
            return new ClusterNode(this);
        }
    }
}
