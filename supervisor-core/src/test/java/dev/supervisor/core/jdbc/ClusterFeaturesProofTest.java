package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskOutcome;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every feature on a cluster: the workflow of {@link FeatureWorker} (trigger rules, conditions and edge expressions
 * over upstream outputs, retries with retry-on and abort-on, a timeout, a fan-out of 1,000 items) runs on three
 * JVMs sharing one PostgreSQL, one of them SIGKILLed while it holds leases mid-run, and ends task by task as the
 * same workflow does on one in-memory supervisor: same states, same outputs.
 */
@Tag("slow")
class ClusterFeaturesProofTest {
    private static final long LEASE_MS = 3000;

    @Test
    void threeJvms_everyFeature_oneKilled_sameOutcomeAsOneInMemorySupervisor() throws Exception {
        RunOutcome alone;
        try (Supervisor one = Supervisor.create(FeatureWorker.handlers(SupervisorConfig.builder()).build())) {
            alone = one.submit(FeatureWorker.workflow(), Map.of()).outcome().get(5, TimeUnit.MINUTES);
        }

        org.postgresql.ds.PGSimpleDataSource raw = (org.postgresql.ds.PGSimpleDataSource) Databases.postgres();
        String url = raw.getUrl() + "?user=postgres";
        DataSource ds = new SimplePool(url, 4);
        JdbcStores.migrate(ds);
        // node-c holds every fan-out item it takes until it is killed, and is claiming before the run exists: the kill
        // below finds it holding leases however quickly the other two finish the rest.
        Process c = worker("join", url, "node-c", "-Dcluster.holdItemsAfter=0");
        assertThat(new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8)).readLine())
                .isEqualTo("READY");
        Process a = worker("submit", url, "node-a");
        BufferedReader outA = new BufferedReader(new InputStreamReader(a.getInputStream(), StandardCharsets.UTF_8));
        String runId = null;
        for (String l = outA.readLine(); l != null; l = outA.readLine()) {
            if (l.startsWith("RUN ")) {
                runId = l.substring(4);
                break;
            }
        }
        assertThat(runId).isNotNull();
        Process b = worker("join", url, "node-b");
        // Kill node-c once the fan-out is under way and it holds leases on some of its items.
        String killAt = "SELECT COUNT(*) FROM sup_task WHERE task_id LIKE 'review[%' AND state = 'SUCCEEDED'";
        while (ClusterModeTest.count(ds, killAt) < 200 || ClusterModeTest.count(ds, "SELECT COUNT(*) FROM sup_task "
                + "WHERE state = 'RUNNING' AND lease_owner = 'node-c'") == 0) {
            assertThat(c.isAlive()).isTrue();
            c.waitFor(2, TimeUnit.MILLISECONDS);
        }
        c.destroyForcibly();
        c.waitFor(30, TimeUnit.SECONDS);
        String done = outA.readLine();
        assertThat(a.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(b.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(done).isEqualTo("DONE " + alone.status());

        RunOutcome clustered;
        try (Supervisor reader = Supervisor.create(SupervisorConfig.builder().runStore(JdbcStores.runStore(ds))
                .build())) {
            clustered = reader.run(runId).orElseThrow().outcome().get(1, TimeUnit.MINUTES);
        }
        assertThat(alone.status()).isEqualTo(RunStatus.FAILED); // CONTINUE: fatal fails, the rest goes on
        assertThat(alone.tasks()).hasSize(10 + FeatureWorker.ITEMS); // each fan-out item is a task of its own
        assertThat(alone.task("publish").state()).isEqualTo(TaskState.UPSTREAM_FAILED);
        assertThat(alone.task("slow").state()).isEqualTo(TaskState.TIMED_OUT);
        assertThat(alone.task("skipme").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(alone.task("report").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(clustered.status()).isEqualTo(alone.status());
        assertThat(clustered.tasks().keySet()).containsExactlyElementsOf(alone.tasks().keySet());
        for (Map.Entry<String, TaskOutcome> e : alone.tasks().entrySet()) {
            TaskOutcome o = clustered.task(e.getKey());
            assertThat(o.state()).as("state of %s (%s)", e.getKey(), o.error()).isEqualTo(e.getValue().state());
            assertThat(o.output()).as("output of %s", e.getKey()).isEqualTo(e.getValue().output());
        }
        assertThat((List<?>) clustered.task("review").output()).hasSize(FeatureWorker.ITEMS);
        long reclaimed = JdbcStores.runStore(ds).capability(RunEventLog.class).orElseThrow()
                .events(runId, 0, Integer.MAX_VALUE).stream().map(StoredEvent::event)
                .filter(e -> e instanceof TaskStarted t && t.attempt() == 2 && t.taskId().startsWith("review[")).count();
        System.out.printf("cluster features proof: run %s, %d fan-out attempts after a first one%n", runId, reclaimed);
    }

    private static Process worker(String mode, String url, String node, String... options) throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Dcluster.leaseMs=" + LEASE_MS));
        jvm.addAll(List.of(options));
        return WorkerJvms.start(jvm, FeatureWorker.class, List.of(mode, url, node), WorkerJvms.logFile(node));
    }
}
