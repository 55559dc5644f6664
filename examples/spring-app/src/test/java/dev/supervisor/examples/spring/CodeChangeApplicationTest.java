package dev.supervisor.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.core.Supervisor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The example application started on a random port: healthy, scheduled, and running the workflow over HTTP. */
@SpringBootTest(classes = CodeChangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codechange.tokens.test-admin=admin", "codechange.work-delay=0ms"})
class CodeChangeApplicationTest {
    @LocalServerPort
    int port;
    @Autowired
    Supervisor supervisor;
    private final HttpClient http = HttpClient.newHttpClient();

    static String workflowDocument() throws IOException {
        try (InputStream in = CodeChangeApplicationTest.class.getResourceAsStream("/code-change.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    @Test
    void health_isUp() throws Exception {
        HttpResponse<String> health = send(at("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"");
    }

    @Test
    void workflow_runsThroughTheApi_andTheScheduleIsListed() throws Exception {
        String body = "{\"workflow\": " + workflowDocument() + ", \"inputs\": {\"change\": \"PR-1\"}}";
        HttpResponse<String> created = send(at("/supervisor/api/runs").header("Authorization", "Bearer test-admin")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String runId = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        RunOutcome outcome = supervisor.run(runId).orElseThrow().outcome().join();
        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(outcome.task("review").output().toString()).contains("CHANGES_REQUESTED");

        HttpResponse<String> run = send(at("/supervisor/api/runs/" + runId).header("Authorization",
                "Bearer test-admin"));
        assertThat(run.body()).contains("\"status\":\"SUCCEEDED\"").contains("\"security-audit\"");
        HttpResponse<String> schedules = send(at("/supervisor/api/schedules").header("Authorization",
                "Bearer test-admin"));
        assertThat(schedules.body()).contains("\"id\":\"code-change\"");
        assertThat(send(at("/supervisor/api/runs")).statusCode()).isEqualTo(401);
        assertThat(send(at("/v3/api-docs")).body()).contains("/supervisor/api/runs");
    }
}
