package dev.supervisor.core.jdbc;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A cluster member in its own JVM: {@code submit <url> <node>} submits a layered workflow and works on it;
 * {@code join <url> <node>} works until no run of the workflow is active. Each task records its execution and its
 * effect (once, by idempotency key).
 */
public final class ClusterWorker {
    static final TaskType WORK = TaskType.of("work");

    private ClusterWorker() {
    }

    static WorkflowSpec workflow(int layers, int width) {
        WorkflowSpec.Builder b = WorkflowSpec.builder("cluster-proof");
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < width; i++) {
                TaskSpec.Builder t = TaskSpec.builder("t" + l + "_" + i, WORK);
                if (l > 0) {
                    t.dependsOn("t" + (l - 1) + "_" + i, "t" + (l - 1) + "_" + ((i + 7) % width));
                }
                b.task(t);
            }
        }
        return b.build();
    }

    static Supervisor node(DataSource ds, String id, Duration lease) {
        return node(ds, id, lease, java.time.Clock.systemUTC());
    }

    static Supervisor node(DataSource ds, String id, Duration lease, java.time.Clock clock) {
        return node(ds, id, lease, clock, ds);
    }

    /** A node whose handler records its effects through {@code effects} (which may differ from the node's). */
    static Supervisor node(DataSource ds, String id, Duration lease, DataSource effects) {
        return node(ds, id, lease, java.time.Clock.systemUTC(), effects);
    }

    /** A cluster node: a Supervisor on the shared store, in cluster mode; nothing else differs. */
    private static Supervisor node(DataSource ds, String id, Duration lease, java.time.Clock clock,
            DataSource effects) {
        long pid = ManagementFactory.getRuntimeMXBean().getPid();
        return Supervisor.create(SupervisorConfig.builder().runStore(JdbcStores.runStore(ds))
                .cluster(ClusterConfig.builder().lease(lease).build()).nodeId(id).maxConcurrency(4).clock(clock)
                .handler(WORK, ctx -> {
            try (Connection c = effects.getConnection()) {
                java.time.Instant start = java.time.Instant.now();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO executions (task_id, pid, worker, "
                        + "started_ns) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, ctx.task().id());
                    ps.setLong(2, pid);
                    ps.setString(3, id);
                    ps.setLong(4, start.getEpochSecond() * 1_000_000_000L + start.getNano());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO effects VALUES (?, ?) "
                        + "ON CONFLICT (idem_key) DO NOTHING")) {
                    ps.setString(1, ctx.idempotencyKey());
                    ps.setString(2, ctx.task().id());
                    ps.executeUpdate();
                }
            }
            return ctx.upstreamOutputs().size();
        }).build());
    }

    public static void main(String[] args) throws Exception {
        DataSource ds = new SimplePool(args[1], 10);
        CrashWorker.schema(ds);
        int layers = Integer.getInteger("cluster.layers", 500);
        WorkflowSpec wf = workflow(layers, 100);
        Supervisor node = node(ds, args[2], Duration.ofMillis(Long.getLong("cluster.leaseMs", 3000)));
        if (args[0].equals("submit")) {
            RunHandle run = node.submit(wf, Map.of());
            System.out.println("RUN " + run.runId());
            System.out.flush();
            System.out.println("DONE " + run.outcome().get(10, java.util.concurrent.TimeUnit.MINUTES).status());
        } else {
            while (true) {
                Thread.sleep(200);
                try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN status = 'RUNNING' THEN 1 ELSE 0 "
                             + "END) FROM sup_run WHERE workflow_id = 'cluster-proof'")) {
                    rs.next();
                    if (rs.getInt(1) > 0 && rs.getInt(2) == 0) {
                        break;
                    }
                }
            }
            System.out.println("DONE");
        }
        System.out.flush();
        node.close();
        System.exit(0);
    }
}
