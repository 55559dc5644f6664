package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskRecord;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import dev.supervisor.core.Supervisor;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The server drops the nodes' connections again and again mid-run ({@code pg_terminate_backend}, as a failover or
 * restart does): transactions are retried on new connections, and the run still completes with every task run
 * exactly once and nothing left running.
 */
class ConnectionLossTest {
    @Test
    void connectionsDroppedMidRun_runCompletes_eachTaskRunOnce() throws Exception {
        String url = ((org.postgresql.ds.PGSimpleDataSource) Databases.postgres()).getUrl() + "?user=postgres";
        DataSource nodes = new SimplePool(url + "&ApplicationName=node", 12);
        DataSource effects = new SimplePool(url + "&ApplicationName=effects", 8);
        CrashWorker.schema(effects);
        WorkflowSpec wf = ClusterWorker.workflow(20, 100);
        Supervisor a = ClusterWorker.node(nodes, "a", Duration.ofSeconds(10), effects);
        Supervisor b = ClusterWorker.node(nodes, "b", Duration.ofSeconds(10), effects);
        String runId = a.submit(wf, Map.of()).runId();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger dropped = new AtomicInteger();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                for (int round = 0; round < 20 && !stop.get(); round++) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM "
                            + "pg_stat_activity WHERE application_name = 'node'")) {
                        rs.next();
                        dropped.addAndGet(rs.getInt(1));
                    }
                    TimeUnit.MILLISECONDS.sleep(150);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        RunStatus status = b.run(runId).orElseThrow().outcome().get(2, TimeUnit.MINUTES).status();
        stop.set(true);
        killer.join();
        a.close();
        b.close();

        assertThat(dropped.get()).as("connections dropped").isGreaterThan(10);
        assertThat(status).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(count(effects, "SELECT COUNT(*) FROM effects")).isEqualTo(2000);
        assertThat(count(effects, "SELECT COUNT(*) FROM executions")).as("handler runs").isEqualTo(2000);
        assertThat(count(effects, "SELECT COUNT(*) FROM sup_task WHERE state <> 'SUCCEEDED'")).isZero();
        assertThat(ClusterModeTest.outOfOrder(effects, wf, runId)).isZero();
    }

    @Test
    void commitAcknowledgementLost_retriedWriteCountsAsDone_notAsAConflict() {
        DataSource h2 = Databases.h2();
        JdbcStores.migrate(h2);
        AtomicBoolean loseNextCommit = new AtomicBoolean();
        RunStore store = JdbcStores.runStore(commitThenFail(h2, loseNextCommit));
        TaskRecord ready = TaskRecord.pending("r", "t", 0).to(TaskState.READY);
        store.createRun(new RunRecord("r", "wf", RunStatus.RUNNING, Map.of(), Instant.EPOCH, null, 0),
                dev.supervisor.testkit.RunStoreContract.workflowOf("t"), List.of(ready));
        TaskRecord running = ready.claimed("n1", Instant.EPOCH.plusSeconds(30), Instant.EPOCH);

        loseNextCommit.set(true);
        TaskRecord stored = store.update(running);

        assertThat(loseNextCommit).isFalse();
        assertThat(stored).isEqualTo(running);
        assertThat(store.task("r", "t")).contains(running);
        // A real conflict is still one.
        assertThatThrownBy(() -> store.update(ready.to(TaskState.SKIPPED)))
                .isInstanceOf(dev.supervisor.api.spi.StaleVersionException.class);
    }

    /** Connections whose next commit (once armed) commits and then reports the connection lost. */
    private static DataSource commitThenFail(DataSource ds, AtomicBoolean armed) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, a) -> {
                    Object out = m.invoke(ds, a);
                    if (!m.getName().equals("getConnection")) {
                        return out;
                    }
                    Connection real = (Connection) out;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p2, m2, a2) -> {
                                try {
                                    Object r = m2.invoke(real, a2);
                                    if (m2.getName().equals("commit") && armed.compareAndSet(true, false)) {
                                        throw new SQLException("connection lost", "08006");
                                    }
                                    return r;
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
