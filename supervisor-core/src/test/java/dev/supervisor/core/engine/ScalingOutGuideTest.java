package dev.supervisor.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's "Scaling out": the quick start's supervisor turned into cluster nodes by configuration alone (here on
 * an in-memory store that can claim, so the test needs no database; in production, {@code JdbcStores.runStore} on
 * PostgreSQL).
 */
class ScalingOutGuideTest {
    @Test
    void quickStartWorkflow_onTwoClusterNodes_endsAsOnOne() throws Exception {
        RunStore sharedStore = RunStores.inMemory(100, java.time.Clock.systemUTC());
        WorkflowSpec etl = WorkflowSpec.builder("etl")
                .task(TaskSpec.builder("fetch", TaskType.of("fetch")))
                .task(TaskSpec.builder("load", TaskType.of("load")).dependsOn("fetch"))
                .build();
        // tag::scaling-out[]
        SupervisorConfig config = SupervisorConfig.builder()
                .runStore(sharedStore)                  // JdbcStores.runStore(dataSource) on PostgreSQL
                .cluster(ClusterConfig.ofDefaults())    // claim ready tasks, share runs, survive node deaths
                .handler("fetch", ctx -> Map.of("rows", 42))
                .handler("load", ctx -> "loaded " + ctx.upstreamOutput("fetch"))
                .build();
        try (Supervisor node1 = Supervisor.create(config); Supervisor node2 = Supervisor.create(config)) {
            RunOutcome outcome = node1.submit(etl).outcome().join();
            System.out.println(outcome.status() + " " + outcome.task("load").output());
            // end::scaling-out[]
            assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(outcome.task("load").output()).isEqualTo("loaded {rows=42}");
            assertThat(node2.run(outcome.runId())).isPresent();
        }
    }
}
