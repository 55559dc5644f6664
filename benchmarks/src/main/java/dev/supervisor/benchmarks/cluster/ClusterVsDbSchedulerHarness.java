package dev.supervisor.benchmarks.cluster;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.jdbc.ClusterNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * No-op task completions per second on one embedded PostgreSQL: two {@link ClusterNode}s with 4 worker threads
 * each against two db-scheduler 16.7.1 instances with 4 threads each (lock-and-fetch polling), each on its own
 * database of the same server, each with a HikariCP pool of 10, in the same run. Both sides get all tasks queued
 * before their workers start; the time runs from start to the last completion.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar \
 *     dev.supervisor.benchmarks.cluster.ClusterVsDbSchedulerHarness [tasks]
 * </pre>
 */
public final class ClusterVsDbSchedulerHarness {
    private ClusterVsDbSchedulerHarness() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            for (int round = 1; round <= 2; round++) {
                double ours = ours(pg, n, round);
                double theirs = dbScheduler(pg, n, round);
                System.out.printf("round %d: %,d no-op tasks — Supervisor ClusterNode %,.0f/s, db-scheduler %,.0f/s, "
                        + "ratio %.2f%n", round, n, ours, theirs, ours / theirs);
            }
        }
    }

    private static void create(EmbeddedPostgres pg, String db) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
    }

    private static HikariDataSource pool(EmbeddedPostgres pg, String db) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/" + db + "?user=postgres");
        cfg.setMaximumPoolSize(10);
        return new HikariDataSource(cfg);
    }

    private static double ours(EmbeddedPostgres pg, int n, int round) throws Exception {
        TaskType noop = TaskType.of("noop");
        WorkflowSpec.Builder b = WorkflowSpec.builder("flat");
        for (int i = 0; i < n; i++) {
            b.task(TaskSpec.builder("t" + i, noop));
        }
        WorkflowSpec wf = b.build();
        String db = "sup" + round;
        create(pg, db);
        try (HikariDataSource ds1 = pool(pg, db); HikariDataSource ds2 = pool(pg, db)) {
            ClusterNode submitter = ClusterNode.builder(ds1).nodeId("submit").threads(1).workflow(wf)
                    .handler(noop, c -> null).build();
            submitter.close();
            String run = submitter.submit(wf, Map.of());
            long t0 = System.nanoTime();
            ClusterNode a = ClusterNode.builder(ds1).nodeId("a").threads(4).workflow(wf).handler(noop, c -> null)
                    .build();
            ClusterNode c = ClusterNode.builder(ds2).nodeId("b").threads(4).workflow(wf).handler(noop, x -> null)
                    .build();
            RunStatus status = a.await(run, Duration.ofMinutes(10));
            double secs = (System.nanoTime() - t0) / 1e9;
            a.close();
            c.close();
            if (status != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("our run ended " + status);
            }
            return n / secs;
        }
    }

    private static double dbScheduler(EmbeddedPostgres pg, int n, int round) throws Exception {
        create(pg, "dbs" + round);
        try (HikariDataSource ds = pool(pg, "dbs" + round)) {
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
            CountDownLatch done = new CountDownLatch(n);
            OneTimeTask<Void> task = Tasks.oneTime("noop").execute((inst, ctx) -> done.countDown());
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
            long t0 = System.nanoTime();
            List<Scheduler> schedulers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Scheduler s = Scheduler.create(ds, task).threads(4).pollingInterval(Duration.ofMillis(100))
                        .pollUsingLockAndFetch(0.5, 1.0).build();
                s.start();
                schedulers.add(s);
            }
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("db-scheduler did not finish");
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            schedulers.forEach(Scheduler::stop);
            return n / secs;
        }
    }
}
