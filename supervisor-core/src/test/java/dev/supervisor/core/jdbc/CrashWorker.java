package dev.supervisor.core.jdbc;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/**
 * A separate JVM for the crash proof: {@code start <jdbcUrl>} submits a layered 10,000-task workflow and prints its
 * run id; {@code resume <jdbcUrl> <runId>} picks the run up. Each task records its effect under its idempotency key
 * (at most once) and logs every execution.
 */
public final class CrashWorker {
    static final TaskType EFFECT = TaskType.of("effect");
    static final int LAYERS = Integer.getInteger("crash.layers", 100);
    static final int WIDTH = 100;

    private CrashWorker() {
    }

    static WorkflowSpec workflow() {
        WorkflowSpec.Builder b = WorkflowSpec.builder("crash-proof");
        for (int l = 0; l < LAYERS; l++) {
            for (int i = 0; i < WIDTH; i++) {
                TaskSpec.Builder t = TaskSpec.builder("t" + l + "_" + i, EFFECT);
                if (l > 0) {
                    t.dependsOn("t" + (l - 1) + "_" + i, "t" + (l - 1) + "_" + ((i + 1) % WIDTH));
                }
                b.task(t);
            }
        }
        return b.build();
    }

    static void schema(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS effects (idem_key VARCHAR(300) PRIMARY KEY, task_id VARCHAR(100))");
            s.execute("CREATE TABLE IF NOT EXISTS executions (task_id VARCHAR(100), pid BIGINT, "
                    + "at BIGINT DEFAULT (extract(epoch from clock_timestamp()) * 1000), worker VARCHAR(200), "
                    + "started_ns BIGINT)");
        }
    }

    public static void main(String[] args) throws Exception {
        DataSource ds = new SimplePool(args[1], 8);
        schema(ds);
        long pid = ManagementFactory.getRuntimeMXBean().getPid();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().runStore(JdbcStores.runStore(ds))
                .executor(pool).maxConcurrency(4).nodeId(args[0] + "-" + pid).handler(EFFECT, ctx -> {
                    try (Connection c = ds.getConnection()) {
                        try (PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO executions (task_id, pid) VALUES (?, ?)")) {
                            ps.setString(1, ctx.task().id());
                            ps.setLong(2, pid);
                            ps.executeUpdate();
                        }
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO effects VALUES (?, ?) "
                                + "ON CONFLICT (idem_key) DO NOTHING")) {
                            ps.setString(1, ctx.idempotencyKey());
                            ps.setString(2, ctx.task().id());
                            ps.executeUpdate();
                        }
                    }
                    return null;
                }).build());
        RunHandle run = args[0].equals("start") ? sup.submit(workflow()) : sup.resume(workflow(), args[2]);
        System.out.println("RUN " + run.runId() + " " + ManagementFactory.getRuntimeMXBean().getStartTime());
        System.out.flush();
        RunOutcome out = run.outcome().join();
        System.out.println("DONE " + out.status());
        System.out.flush();
        System.exit(0);
    }
}
