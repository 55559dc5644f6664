package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

// tag::imports[]
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.util.Map;
// end::imports[]
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's quick start: both of its blocks are regions of this file (DocSnippetsTest checks them). */
class QuickStartTest {

    @Test
    void readmeQuickStart_printsTheStatusAndTheLastOutput() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            quickStart();
        } finally {
            System.setOut(stdout);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("SUCCEEDED loaded {rows=42}");
    }

    private static void quickStart() {
        // tag::quick-start[]
        try (Supervisor supervisor = Supervisor.create(SupervisorConfig.builder()
                .handler("fetch", ctx -> Map.of("rows", 42))
                .handler("load", ctx -> "loaded " + ctx.upstreamOutput("fetch"))
                .build())) {
            WorkflowSpec etl = WorkflowSpec.builder("etl")
                    .task(TaskSpec.builder("fetch", TaskType.of("fetch"))
                            .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()))
                    .task(TaskSpec.builder("load", TaskType.of("load")).dependsOn("fetch"))
                    .build();
            RunOutcome outcome = supervisor.submit(etl).outcome().join();
            System.out.println(outcome.status() + " " + outcome.task("load").output());
        }
        // end::quick-start[]
    }
}
