package dev.supervisor.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.auth.jwt.JwsAlgorithm;
import dev.supervisor.auth.jwt.JwtSigner;
import dev.supervisor.core.Supervisor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example application started on a random port as its users configure it: bearer tokens from an issuer set by
 * {@code supervisor.security.jwt.*}, and the demo API key it logs at start. Healthy, scheduled, and running the
 * workflow over HTTP.
 */
@SpringBootTest(classes = CodeChangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codechange.work-delay=0ms", "supervisor.security.jwt.issuer=https://login.example.test",
            "supervisor.security.jwt.audience=supervisor-api",
            "supervisor.security.jwt.hmac-secret=" + CodeChangeApplicationTest.SECRET})
@ExtendWith(OutputCaptureExtension.class)
class CodeChangeApplicationTest {
    static final String SECRET = "code-change-test-secret-0123456789abcdef";
    private static final Pattern LOGGED_KEY = Pattern.compile("API key: (sk_\\S+)");
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

    /** A token of the test issuer with one role, as an identity provider would issue it. */
    static String bearer(String role) {
        JwtSigner signer = JwtSigner.of(null, JwsAlgorithm.HS256,
                new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Instant now = Instant.now();
        return "Bearer " + signer.sign("JWT", Map.of("iss", "https://login.example.test", "aud", "supervisor-api",
                "sub", "ada", "roles", List.of(role), "iat", now.getEpochSecond(),
                "exp", now.plusSeconds(600).getEpochSecond()));
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
        HttpResponse<String> created = send(at("/supervisor/api/runs").header("Authorization", bearer("user"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String runId = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        RunOutcome outcome = supervisor.run(runId).orElseThrow().outcome().join();
        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(outcome.task("review").output().toString()).contains("CHANGES_REQUESTED");

        HttpResponse<String> run = send(at("/supervisor/api/runs/" + runId).header("Authorization",
                bearer("viewer")));
        assertThat(run.body()).contains("\"status\":\"SUCCEEDED\"").contains("\"security-audit\"");
        HttpResponse<String> schedules = send(at("/supervisor/api/schedules").header("Authorization",
                bearer("viewer")));
        assertThat(schedules.body()).contains("\"id\":\"code-change\"");
        assertThat(send(at("/supervisor/api/runs").header("Authorization", bearer("viewer"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)))
                .statusCode()).as("a viewer may not run workflows").isEqualTo(403);
        assertThat(send(at("/supervisor/api/runs")).statusCode()).isEqualTo(401);
        assertThat(send(at("/v3/api-docs")).body()).contains("/supervisor/api/runs");
    }

    @Test
    void demoApiKey_isLoggedAtStart_andCallsTheApi(CapturedOutput output) throws Exception {
        Matcher logged = LOGGED_KEY.matcher(output.getAll());
        assertThat(logged.find()).as("the demo key in the log").isTrue();
        assertThat(output.getAll()).contains("DEMO SETTING codechange.demo-api-key=true");
        HttpResponse<String> runs = send(at("/supervisor/api/runs").header("X-API-Key", logged.group(1)));
        assertThat(runs.statusCode()).as(runs.body()).isEqualTo(200);
        assertThat(send(at("/supervisor/api/plugins").header("X-API-Key", logged.group(1))).statusCode())
                .as("no plugin host in the example").isEqualTo(501);
    }
}
