package dev.supervisor.spring.boot.dashboard;

import static dev.supervisor.spring.boot.dashboard.DashboardTestApp.send;
import static dev.supervisor.spring.boot.dashboard.DashboardTestApp.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.api.RunStatus;
import dev.supervisor.core.Supervisor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard's page and endpoints on a real server, behind Supervisor's security with bearer tokens. */
@SpringBootTest(classes = DashboardTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"supervisor.security.jwt.issuer=https://auth.test", "supervisor.security.jwt.audience=supervisor",
            "supervisor.security.jwt.hmac-secret=" + DashboardTestApp.SECRET, "supervisor.cron.warm-up=false",
            "supervisor.security.rate-limit.enabled=false"})
class DashboardEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIAMOND = """
            {"workflow": {"id": "diamond", "tasks": [
              {"id": "a", "type": "work", "estimatedDuration": "PT1S"},
              {"id": "b", "type": "work", "dependsOn": ["a"], "estimatedDuration": "PT5S"},
              {"id": "c", "type": "work", "dependsOn": ["a"], "estimatedDuration": "PT2S"},
              {"id": "d", "type": "work", "dependsOn": ["b", "c"], "estimatedDuration": "PT1S"}]},
             "inputs": {"n": 7}}""";
    private static final String BLOCKED = """
            {"workflow": {"id": "held", "tasks": [
              {"id": "wait", "type": "block"}, {"id": "after", "type": "work", "dependsOn": ["wait"]}]}}""";
    private final String admin = token("ada", "admin");
    private final String viewer = token("vic", "viewer");
    @LocalServerPort
    int port;
    @Autowired
    Supervisor supervisor;
    CountDownLatch gate;

    @BeforeEach
    void hold() {
        gate = new CountDownLatch(1);
        DashboardTestApp.GATE.set(gate);
    }

    @AfterEach
    void release() {
        gate.countDown();
    }

    private JsonNode json(DashboardTestApp.Reply r) throws Exception {
        return JSON.readTree(r.body());
    }

    private String submit(String body) throws Exception {
        DashboardTestApp.Reply r = send(port, "POST", "/supervisor/api/runs", admin, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return json(r).get("runId").asText();
    }

    private void finish(String runId) {
        supervisor.run(runId).orElseThrow().outcome().join();
    }

    @Test
    void page_isServedToAnyone_underAStrictPolicy() throws Exception {
        DashboardTestApp.Reply page = send(port, "GET", "/supervisor/", null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").doesNotContain("unsafe");
        assertThat(page.body()).contains("<script type=\"module\" src=\"assets/app.js\"></script>")
                .contains("<meta name=\"supervisor-refresh\" content=\"5000\">");
        DashboardTestApp.Reply root = send(port, "GET", "/supervisor", null, null);
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location")).isEqualTo("supervisor/");
        DashboardTestApp.Reply script = send(port, "GET", "/supervisor/assets/run.js", null, null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(send(port, "GET", "/supervisor/vendor/uplot/uPlot.esm.js", null, null).body())
                .contains("export { uPlot as default }");
    }

    @Test
    void overview_withoutCredentials_is401_andTellsEachCallerWhatItMay() throws Exception {
        assertThat(send(port, "GET", "/supervisor/api/runs/overview", null, null).status()).isEqualTo(401);
        JsonNode forAdmin = json(send(port, "GET", "/supervisor/api/runs/overview", admin, null));
        assertThat(forAdmin.at("/caller/id").asText()).isEqualTo("ada");
        assertThat(forAdmin.at("/caller/permissions/workflows:execute").asBoolean()).isTrue();
        assertThat(forAdmin.at("/caller/permissions/system:admin").asBoolean()).isTrue();
        assertThat(forAdmin.at("/features/events").asBoolean()).isTrue();
        assertThat(forAdmin.at("/features/retry").asBoolean()).isTrue();
        assertThat(forAdmin.at("/features/plugins").asBoolean()).isFalse();
        JsonNode forViewer = json(send(port, "GET", "/supervisor/api/runs/overview", viewer, null));
        assertThat(forViewer.at("/caller/permissions/workflows:execute").asBoolean()).isFalse();
        assertThat(forViewer.at("/caller/permissions/workflows:update").asBoolean()).isFalse();
        assertThat(forViewer.at("/caller/permissions/analytics:read").asBoolean()).isTrue();
    }

    @Test
    void overview_listsARunningRunWithItsProgress_thenAmongRecentRuns() throws Exception {
        String runId = submit(BLOCKED);
        JsonNode running = json(send(port, "GET", "/supervisor/api/runs/overview", viewer, null)).get("running");
        JsonNode row = find(running, runId);
        assertThat(row.get("workflowId").asText()).isEqualTo("held");
        assertThat(row.at("/progress/total").asInt()).isEqualTo(2);
        assertThat(row.at("/progress/done").asInt()).isZero();
        gate.countDown();
        finish(runId);
        JsonNode after = json(send(port, "GET", "/supervisor/api/runs/overview?limit=50", viewer, null));
        assertThat(ids(after.get("running"))).doesNotContain(runId);
        assertThat(find(after.get("recent"), runId).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(find(after.get("recent"), runId).get("progress").isNull()).isTrue();
        assertThat(send(port, "GET", "/supervisor/api/runs/overview?limit=0", admin, null).status()).isEqualTo(400);
    }

    @Test
    void graph_placesTasksOnTheirLevels_withTheCriticalPathOfTheEstimates() throws Exception {
        String runId = submit(DIAMOND);
        finish(runId);
        JsonNode g = json(send(port, "GET", "/supervisor/api/runs/" + runId + "/graph", viewer, null));
        assertThat(g.get("workflowId").asText()).isEqualTo("diamond");
        assertThat(g.get("levels").asInt()).isEqualTo(3);
        assertThat(g.get("maxWidth").asInt()).isEqualTo(2);
        List<String> levels = new ArrayList<>();
        g.get("nodes").forEach(n -> levels.add(n.get("id").asText() + "@" + n.get("level").asInt()));
        assertThat(levels).containsExactly("a@0", "b@1", "c@1", "d@2");
        assertThat(g.get("edges")).hasSize(4);
        assertThat(g.get("criticalPath").toString()).isEqualTo("[\"a\",\"b\",\"d\"]");
        assertThat(g.get("criticalPathMillis").asLong()).isEqualTo(7000);
        assertThat(g.at("/nodes/2/critical").asBoolean()).as("c has slack").isFalse();
        assertThat(g.at("/actions/retry").asBoolean()).as("a viewer may not retry").isFalse();
        JsonNode forAdmin = json(send(port, "GET", "/supervisor/api/runs/" + runId + "/graph", admin, null));
        assertThat(forAdmin.at("/actions/retry").asBoolean()).isTrue();
        assertThat(forAdmin.at("/actions/cancel").asBoolean()).as("the run ended").isFalse();
        DashboardTestApp.Reply missing = send(port, "GET", "/supervisor/api/runs/nope/graph", admin, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void retry_startsTheWorkflowAgainWithTheSameInputs_forCallersWhoMayExecute() throws Exception {
        String first = submit(DIAMOND);
        finish(first);
        assertThat(send(port, "POST", "/supervisor/api/runs/" + first + "/retry", viewer, null).status())
                .isEqualTo(403);
        DashboardTestApp.Reply again = send(port, "POST", "/supervisor/api/runs/" + first + "/retry", admin, null);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        String second = json(again).get("runId").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(json(again).get("retryOf").asText()).isEqualTo(first);
        assertThat(again.header("Location")).isEqualTo("/supervisor/api/runs/" + second);
        var outcome = supervisor.run(second).orElseThrow().outcome().join();
        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(outcome.task("d").output().toString()).contains("echo=7");

        String held = submit(BLOCKED);
        DashboardTestApp.Reply early = send(port, "POST", "/supervisor/api/runs/" + held + "/retry", admin, null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("still");
    }

    @Test
    void plugins_needAnAdministrator_andAPluginHost() throws Exception {
        assertThat(send(port, "GET", "/supervisor/api/plugins", viewer, null).status()).isEqualTo(403);
        DashboardTestApp.Reply none = send(port, "GET", "/supervisor/api/plugins", admin, null);
        assertThat(none.status()).isEqualTo(501);
        assertThat(none.body()).contains("plugin host");
    }

    private static JsonNode find(JsonNode rows, String runId) {
        for (JsonNode r : rows) {
            if (r.get("runId").asText().equals(runId)) {
                return r;
            }
        }
        throw new AssertionError("run " + runId + " not in " + rows);
    }

    private static List<String> ids(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get("runId").asText()));
        return out;
    }
}
