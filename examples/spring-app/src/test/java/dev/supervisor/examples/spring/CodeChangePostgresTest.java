package dev.supervisor.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunQuery;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The example on a real PostgreSQL, chosen by property alone. */
class CodeChangePostgresTest {
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void runsAreKeptInPostgres() {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        try (ConfigurableApplicationContext ctx = SpringApplication.run(CodeChangeApplication.class,
                "--server.port=0", "--spring.profiles.active=postgres", "--codechange.work-delay=0ms",
                "--codechange.demo-api-key=false", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres")) {
            Supervisor supervisor = ctx.getBean(Supervisor.class);
            String runId = supervisor.submit(ctx.getBean(WorkflowSpec.class), Map.of()).runId();
            assertThat(supervisor.run(runId).orElseThrow().outcome().join().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(ctx.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
            assertThat(supervisor.runs(RunQuery.builder().workflowId("code-change").build()).runs())
                    .extracting(r -> r.runId()).contains(runId);
        }
    }
}
