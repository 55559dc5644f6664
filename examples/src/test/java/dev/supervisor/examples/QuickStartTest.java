package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's quick start, verbatim, so it cannot rot. */
class QuickStartTest {

    @Test
    void readmeQuickStart_runsAsWritten() {
        Supervisor supervisor = Supervisor.create(SupervisorConfig.builder()
                .maxConcurrency(8)
                .handler("fetch", ctx -> Map.of("rows", 42))
                .handler("load", ctx -> "loaded " + ctx.upstreamOutput("fetch"))
                .build());
        WorkflowSpec etl = WorkflowSpec.builder("etl")
                .task(TaskSpec.builder("fetch", TaskType.of("fetch"))
                        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
                        .timeout(Duration.ofSeconds(30)))
                .task(TaskSpec.builder("load", TaskType.of("load")).dependsOn("fetch"))
                .build();
        RunOutcome outcome = supervisor.submit(etl).outcome().join();
        System.out.println(outcome.status() + " " + outcome.task("load").output());

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(outcome.task("load").output()).isEqualTo("loaded {rows=42}");
        supervisor.close();
    }
}
