package dev.supervisor.benchmarks.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * No-op tasks per second on one embedded PostgreSQL, in one JVM: a {@link Supervisor} on the JDBC run store (every
 * lock hold's transitions stored as one batch) against the same on one node in cluster mode (ready tasks claimed
 * from the store in batches), both with 4 worker threads and a HikariCP pool of 10, each on a fresh database, in
 * the same run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.cluster.SingleNodeDurableHarness [tasks] [rounds]
 * </pre>
 */
public final class SingleNodeDurableHarness {
    private static final TaskType NOOP = TaskType.of("noop");

    private SingleNodeDurableHarness() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        WorkflowSpec wf = ClusterVsDbSchedulerHarness.flat(n);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            for (int round = 1; round <= rounds; round++) {
                double single = singleNode(pg, "single" + round, wf);
                double cluster = clusterNode(pg, "node" + round, wf);
                System.out.printf("round %d: %,d no-op tasks — Supervisor on JdbcRunStore %,.0f/s, one cluster "
                        + "node %,.0f/s, ratio %.2f%n", round, n, single, cluster, single / cluster);
            }
        }
    }

    private static double singleNode(EmbeddedPostgres pg, String db, WorkflowSpec wf) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (HikariDataSource ds = dataSource(pg, db)) {
            JdbcStores.migrate(ds);
            Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(pool).maxConcurrency(64)
                    .runStore(JdbcStores.runStore(ds)).handler(NOOP, c -> null).build());
            long t0 = System.nanoTime();
            RunStatus s = sup.submit(wf).outcome().join().status();
            double rate = wf.tasks().size() / ((System.nanoTime() - t0) / 1e9);
            sup.close();
            check(s);
            return rate;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double clusterNode(EmbeddedPostgres pg, String db, WorkflowSpec wf) throws Exception {
        try (HikariDataSource ds = dataSource(pg, db)) {
            long t0 = System.nanoTime();
            Supervisor node = ClusterVsDbSchedulerHarness.node(ds, "n1", true);
            RunStatus s = node.submit(wf, Map.of()).outcome().get(10, java.util.concurrent.TimeUnit.MINUTES)
                    .status();
            double rate = wf.tasks().size() / ((System.nanoTime() - t0) / 1e9);
            node.close();
            check(s);
            return rate;
        }
    }

    private static void check(RunStatus s) {
        if (s != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("run ended " + s);
        }
    }

    private static HikariDataSource dataSource(EmbeddedPostgres pg, String db) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/" + db + "?user=postgres");
        cfg.setMaximumPoolSize(10);
        return new HikariDataSource(cfg);
    }
}
