package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The code of docs/durable-runs.md, compiled and run: a guide whose snippets cannot rot. */
class DurableRunsGuideTest {
    private static final TaskType BUILD = TaskType.of("build");

    private static WorkflowSpec pipeline() {
        return WorkflowSpec.builder("nightly").task(TaskSpec.builder("compile", BUILD))
                .task(TaskSpec.builder("package", BUILD).dependsOn("compile")).build();
    }

    @Test
    void h2_runsAreDurable_andResumeFromTheStoreAlone() throws Exception {
        String file = java.nio.file.Files.createTempDirectory("supervisor-guide").resolve("runs").toString();
        // tag::h2[]
        JdbcDataSource dataSource = new JdbcDataSource();              // or your application's pool
        dataSource.setURL("jdbc:h2:file:" + file);
        Supervisor supervisor = Supervisor.create(SupervisorConfig.builder()
                .runStore(JdbcStores.runStore(dataSource))           // migrates the schema on first use
                .handler(BUILD, ctx -> "built " + ctx.task().id())
                .build());
        RunHandle run = supervisor.submit(pipeline());
        // end::h2[]
        RunOutcome first = run.outcome().get(1, TimeUnit.MINUTES);
        supervisor.close();

        // tag::resume[]
        Supervisor restarted = Supervisor.create(SupervisorConfig.builder()
                .runStore(JdbcStores.runStore(dataSource))
                .handler(BUILD, ctx -> "built " + ctx.task().id())
                .build());
        for (String runId : JdbcStores.unfinishedRuns(dataSource, "nightly")) {
            restarted.resume(runId);                                   // the workflow is kept with the run
        }
        RunHandle again = restarted.run(run.runId()).orElseThrow();    // any stored run has a handle
        // end::resume[]
        assertThat(again.outcome().get(1, TimeUnit.MINUTES).status()).isEqualTo(first.status());
        restarted.close();
    }

    @Test
    void postgres_clusterOfNodes_followsARunFromAnyNode() throws Exception {
        DataSource dataSource = new SimplePool(((org.postgresql.ds.PGSimpleDataSource) Databases.postgres()).getUrl()
                + "?user=postgres", 20);
        // tag::cluster[]
        Supervisor node = Supervisor.create(SupervisorConfig.builder()
                .runStore(JdbcStores.runStore(dataSource))           // PostgreSQL: the store can claim
                .cluster(ClusterConfig.builder().lease(Duration.ofSeconds(30)).build())
                .nodeId("worker-1")
                .maxConcurrency(8)
                .handler(BUILD, ctx -> "built " + ctx.task().id())
                .build());
        // end::cluster[]
        Supervisor other = Supervisor.create(SupervisorConfig.builder().runStore(JdbcStores.runStore(dataSource))
                .cluster(ClusterConfig.ofDefaults()).nodeId("worker-2").handler(BUILD, ctx -> "built").build());
        RunHandle run = node.submit(pipeline());
        // tag::follow[]
        List<StoredEvent> history = new ArrayList<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        other.follow(run.runId(), 0, event -> {                        // from the first event, then live
            history.add(event);
            if (event.event() instanceof RunFinished) {
                ended.complete(null);
            }
        });
        // end::follow[]
        ended.get(2, TimeUnit.MINUTES);
        assertThat(run.outcome().get(1, TimeUnit.MINUTES).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(history).extracting(StoredEvent::sequence).startsWith(1L, 2L);
        other.close();
        node.close();
    }
}
