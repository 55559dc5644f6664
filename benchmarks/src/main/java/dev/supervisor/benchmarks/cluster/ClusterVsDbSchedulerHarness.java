package dev.supervisor.benchmarks.cluster;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * No-op task completions per second on one embedded PostgreSQL: two JVM processes each running a
 * {@link Supervisor} in cluster mode with 4 worker threads, against two JVM processes each running a db-scheduler 16.7.1 instance
 * with 4 threads (lock-and-fetch polling), each side on its own database of the same server, each process with a
 * HikariCP pool of 10, in the same run. Both sides get all tasks queued before their workers start; the workers
 * start together when both processes are up, and the clock runs until the database shows every task done (our run
 * SUCCEEDED; db-scheduler's table empty, as it deletes a one-time task when it completes).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar \
 *     dev.supervisor.benchmarks.cluster.ClusterVsDbSchedulerHarness [tasks] [rounds]
 * </pre>
 *
 * <p>To look inside a round: {@code -Dharness.dbStats=true} prints what the database did per task and its costliest
 * statements (pg_stat_statements) for the timed part of each side, {@code -Dharness.workerLogs=DIR} keeps each worker's
 * log, and {@code -Dharness.workerJvm="..."} passes options to the worker JVMs ({@code {name}} becomes the worker's
 * name, e.g. {@code -XX:StartFlightRecording=filename=/tmp/{name}.jfr}).
 */
public final class ClusterVsDbSchedulerHarness {
    private static final TaskType NOOP = TaskType.of("noop");

    private ClusterVsDbSchedulerHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("worker")) {
            worker(args[1], args[2], Integer.parseInt(args[3]), args[4]);
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        EmbeddedPostgres.Builder pgb = EmbeddedPostgres.builder();
        if (Boolean.getBoolean("harness.dbStats")) {
            pgb.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try (EmbeddedPostgres pg = pgb.start()) {
            for (int round = 1; round <= rounds; round++) {
                double ours = ours(pg, n, round);
                double theirs = dbScheduler(pg, n, round);
                System.out.printf("round %d: %,d no-op tasks — Supervisor cluster %,.0f/s, db-scheduler %,.0f/s, "
                        + "ratio %.2f%n", round, n, ours, theirs, ours / theirs);
            }
        }
    }

    static WorkflowSpec flat(int n) {
        WorkflowSpec.Builder b = WorkflowSpec.builder("flat");
        for (int i = 0; i < n; i++) {
            b.task(TaskSpec.builder("t" + i, NOOP));
        }
        return b.build();
    }

    private static String url(EmbeddedPostgres pg, String db) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + db + "?user=postgres";
    }

    private static HikariDataSource pool(String url) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setMaximumPoolSize(10);
        return new HikariDataSource(cfg);
    }

    private static void create(EmbeddedPostgres pg, String db) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
    }

    private static double ours(EmbeddedPostgres pg, int n, int round) throws Exception {
        String db = "sup" + round;
        create(pg, db);
        try (HikariDataSource ds = pool(url(pg, db))) {
            WorkflowSpec wf = flat(n);
            // A node with no handlers stores the run and hands it over as it leaves: the workers adopt it.
            Supervisor submitter = node(ds, "submit", false);
            String run = submitter.submit(wf, Map.of()).runId();
            submitter.close();
            return race(url(pg, db), "ours", n, ds, "SELECT COUNT(*) FROM sup_run WHERE run_id = '" + run
                    + "' AND status = 'SUCCEEDED'", 1);
        }
    }

    private static double dbScheduler(EmbeddedPostgres pg, int n, int round) throws Exception {
        String db = "dbs" + round;
        create(pg, db);
        try (HikariDataSource ds = pool(url(pg, db))) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                // db-scheduler's PostgreSQL table, as its documentation gives it.
                s.execute("create table scheduled_tasks (task_name text not null, task_instance text not null, "
                        + "task_data bytea, execution_time timestamp with time zone, picked BOOLEAN not null, "
                        + "picked_by text, last_success timestamp with time zone, last_failure timestamp with time "
                        + "zone, consecutive_failures INT, last_heartbeat timestamp with time zone, version BIGINT not "
                        + "null, priority SMALLINT, state text, PRIMARY KEY (task_name, task_instance))");
                s.execute("CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
                s.execute("CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
                s.execute("CREATE INDEX priority_execution_time_idx on scheduled_tasks (priority desc, "
                        + "execution_time asc)");
            }
            OneTimeTask<Void> task = noopTask();
            SchedulerClient client = SchedulerClient.Builder.create(ds, task).build();
            List<TaskInstance<?>> batch = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < n; i++) {
                batch.add(task.instance("t" + i));
                if (batch.size() == 1000) {
                    client.scheduleBatch(batch, now);
                    batch.clear();
                }
            }
            client.scheduleBatch(batch, now);
            return race(url(pg, db), "dbs", n, ds, "SELECT COUNT(*) FROM scheduled_tasks", 0);
        }
    }

    private static OneTimeTask<Void> noopTask() {
        return Tasks.oneTime("noop").execute((inst, ctx) -> {
        });
    }

    /**
     * Starts two worker processes, waits until both are connected, tells them to go, and times until
     * {@code doneQuery} returns {@code doneValue}.
     */
    private static double race(String url, String side, int n, DataSource ds, String doneQuery, long doneValue)
            throws Exception {
        List<Process> workers = new ArrayList<>();
        List<BufferedReader> outs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            // Extra worker JVM options, e.g. -Dharness.workerJvm="-XX:StartFlightRecording=filename=w.jfr" to profile.
            String extra = System.getProperty("harness.workerJvm", "").replace("{name}", side + i);
            if (!extra.isBlank()) {
                cmd.addAll(List.of(extra.trim().split("\\s+")));
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ClusterVsDbSchedulerHarness.class.getName(),
                    "worker", side, url, String.valueOf(n), side + i));
            // -Dharness.workerLogs=DIR keeps each worker's log (stderr) as DIR/<side><i>.log.
            String logs = System.getProperty("harness.workerLogs");
            Process p = new ProcessBuilder(cmd).redirectError(logs == null ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.to(Path.of(logs, side + i + ".log").toFile())).start();
            workers.add(p);
            outs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
        try {
            for (BufferedReader out : outs) {
                String line = out.readLine();
                while (line != null && line.startsWith("[")) { // the JVM's own log lines (-Xlog, JFR) come first
                    System.err.println(line);
                    line = out.readLine();
                }
                if (!"READY".equals(line)) {
                    throw new IllegalStateException(side + " worker did not start: " + line);
                }
            }
            long[] before = Boolean.getBoolean("harness.dbStats") ? dbStats(ds) : null;
            long t0 = System.nanoTime();
            for (Process p : workers) {
                OutputStream in = p.getOutputStream();
                in.write("GO\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
            // -Dharness.timeline=true prints tasks done every half second.
            String timeline = !Boolean.getBoolean("harness.timeline") ? null : side.equals("ours")
                    ? "SELECT COUNT(*) FROM sup_task WHERE state = 'SUCCEEDED'"
                    : "SELECT " + n + " - COUNT(*) FROM scheduled_tasks";
            long lastMark = t0;
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                while (true) {
                    try (ResultSet rs = s.executeQuery(doneQuery)) {
                        rs.next();
                        if (rs.getLong(1) == doneValue) {
                            break;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(side + " did not finish in 10 minutes");
                    }
                    if (timeline != null && System.nanoTime() - lastMark >= 500_000_000L) {
                        lastMark = System.nanoTime();
                        try (ResultSet rs = s.executeQuery(timeline)) {
                            rs.next();
                            System.out.printf("  %s %5.1f s: %,d done%n", side, (lastMark - t0) / 1e9, rs.getLong(1));
                        }
                    }
                    Thread.sleep(5);
                }
            }
            double rate = n / ((System.nanoTime() - t0) / 1e9);
            if (Boolean.getBoolean("harness.dbStats")) {
                long[] after = dbStats(ds);
                StringBuilder b = new StringBuilder(side + " per task:");
                for (int i = 0; i < STATS.length; i++) {
                    b.append(String.format(" %s %.2f", STATS[i], (after[i] - before[i]) / (double) n));
                }
                System.out.println(b);
            }
            return rate;
        } finally {
            for (Process p : workers) {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static final String[] STATS = {"xact_commit", "tup_returned", "tup_fetched", "tup_inserted",
        "tup_updated", "tup_deleted", "blks_hit"};

    /** What the database did so far (statistics are flushed with a delay of up to a second: waits for it). */
    private static long[] dbStats(DataSource ds) throws Exception {
        Thread.sleep(1500);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            try (ResultSet rs = s.executeQuery("SELECT calls, rows, round(total_exec_time::numeric, 0), "
                    + "left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements WHERE dbid = (SELECT "
                    + "oid FROM pg_database WHERE datname = current_database()) ORDER BY 3 DESC LIMIT 14")) {
                while (rs.next()) {
                    System.out.printf("  %8d calls %9d rows %7s ms  %s%n", rs.getLong(1), rs.getLong(2),
                            rs.getString(3), rs.getString(4));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT setting FROM pg_settings WHERE name IN ('fsync', "
                    + "'synchronous_commit') ORDER BY name")) {
                StringBuilder b = new StringBuilder("  fsync/synchronous_commit:");
                while (rs.next()) {
                    b.append(' ').append(rs.getString(1));
                }
                System.out.println(b);
            }
            s.execute("SELECT pg_stat_statements_reset()");
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + String.join(", ", STATS) + " FROM pg_stat_database WHERE "
                     + "datname = current_database()")) {
            rs.next();
            long[] out = new long[STATS.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getLong(i + 1);
            }
            return out;
        }
    }

    /** One worker process: connect, report READY, wait for GO on stdin, then work until killed. */
    private static void worker(String side, String url, int n, String name) throws Exception {
        HikariDataSource ds = pool(url);
        try (Connection c = ds.getConnection()) {
            c.isValid(1);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (side.equals("ours")) {
            JdbcStores.migrate(ds);
            ready(in);
            node(ds, name, true);
        } else {
            Scheduler s = Scheduler.create(ds, noopTask()).threads(4).pollingInterval(Duration.ofMillis(100))
                    .pollUsingLockAndFetch(0.5, 1.0).build();
            ready(in);
            s.start();
        }
        in.readLine(); // blocks until the parent closes our stdin or destroys us
        System.exit(0);
    }

    /** A cluster node with 4 worker threads, running no-op tasks if {@code works}. */
    static Supervisor node(DataSource ds, String name, boolean works) {
        SupervisorConfig.SupervisorConfigBuilder b = SupervisorConfig.builder().runStore(JdbcStores.runStore(ds))
                .cluster(Integer.getInteger("harness.claimBatch") == null ? ClusterConfig.ofDefaults()
                        : ClusterConfig.builder().claimBatch(Integer.getInteger("harness.claimBatch")).build()).nodeId(name).maxConcurrency(4);
        if (works) {
            b.handler(NOOP, c -> null);
        }
        return Supervisor.create(b.build());
    }

    private static void ready(BufferedReader in) throws Exception {
        System.out.println("READY");
        System.out.flush();
        if (!"GO".equals(in.readLine())) {
            System.exit(1);
        }
    }
}
