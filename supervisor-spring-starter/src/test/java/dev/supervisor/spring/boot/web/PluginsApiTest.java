package dev.supervisor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The plugins of the directory set by {@code supervisor.plugins.directory} through a real server: listed with their
 * state, failure reason and extensions, their task types run by the supervisor, and moved between states by
 * administrators only.
 */
class PluginsApiTest extends ApiServerTest {
    private JsonNode plugin(String id) {
        Http.Reply r = http.get("/supervisor/api/plugins/" + id, ApiTestApp.ADMIN);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    @Test
    void list_showsVersionStateFailureReasonAndExtensions() {
        Http.Reply list = http.get("/supervisor/api/plugins", ApiTestApp.ADMIN);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).extracting(p -> p.get("id").asText()).containsExactlyInAnyOrder("greeter", "broken");
        JsonNode greeter = plugin("greeter");
        assertThat(greeter.get("version").asText()).isEqualTo("1.2.0");
        assertThat(greeter.get("state").asText()).isEqualTo("STARTED");
        assertThat(greeter.get("health").asText()).isEqualTo("UP");
        assertThat(greeter.get("capabilities")).extracting(JsonNode::asText).containsExactly("events");
        assertThat(greeter.get("extensions")).extracting(JsonNode::asText)
                .containsExactly("task-handler:greet", "notification");
        JsonNode broken = plugin("broken");
        assertThat(broken.get("state").asText()).isEqualTo("FAILED");
        assertThat(broken.get("problem").asText()).contains("no licence file");
        assertThat(broken.get("extensions")).isEmpty();
    }

    @Test
    void pluginTaskType_isRunByTheSupervisor() {
        Http.Reply created = http.post("/supervisor/api/runs", ApiTestApp.USER, """
                {"workflow": {"id": "greeting", "tasks": [{"id": "g", "type": "greet"}]}, "inputs": {"name": "Ada"}}""");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String runId = created.json().get("runId").asText();
        await(runId);
        JsonNode run = http.get("/supervisor/api/runs/" + runId, ApiTestApp.VIEWER).json();
        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.get("tasks").get(0).get("output").asText()).isEqualTo("hi Ada"); // the plugin's settings
    }

    @Test
    void stopStartDisableEnable_moveThePlugin_andIllegalMovesAre409() {
        Http.Reply stopped = http.post("/supervisor/api/plugins/greeter/stop", ApiTestApp.ADMIN, null);
        assertThat(stopped.status()).as(stopped.text()).isEqualTo(200);
        assertThat(stopped.json().get("state").asText()).isEqualTo("STOPPED");
        assertThat(stopped.json().get("extensions")).isEmpty();

        Http.Reply again = http.post("/supervisor/api/plugins/greeter/stop", ApiTestApp.ADMIN, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asText()).contains("STOPPED", "STOPPED");
        assertThat(again.json().get("state").asText()).isEqualTo("STOPPED");

        assertThat(http.post("/supervisor/api/plugins/greeter/start", ApiTestApp.ADMIN, null).json().get("state")
                .asText()).isEqualTo("STARTED");
        assertThat(http.post("/supervisor/api/plugins/greeter/disable", ApiTestApp.ADMIN, null).json().get("state")
                .asText()).isEqualTo("DISABLED");
        assertThat(http.post("/supervisor/api/plugins/greeter/start", ApiTestApp.ADMIN, null).status())
                .isEqualTo(409);
        JsonNode enabled = http.post("/supervisor/api/plugins/greeter/enable", ApiTestApp.ADMIN, null).json();
        assertThat(enabled.get("state").asText()).isEqualTo("STARTED");
        assertThat(enabled.get("extensions")).hasSize(2);

        assertThat(http.post("/supervisor/api/plugins/broken/start", ApiTestApp.ADMIN, null).status()).isEqualTo(409);
        Http.Reply unknown = http.post("/supervisor/api/plugins/nope/start", ApiTestApp.ADMIN, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("pluginId").asText()).isEqualTo("nope");
    }

    @Test
    void plugins_needSystemAdmin() {
        assertThat(http.get("/supervisor/api/plugins", null).status()).isEqualTo(401);
        Http.Reply user = http.post("/supervisor/api/plugins/greeter/stop", ApiTestApp.USER, null);
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.json().get("permission").asText()).isEqualTo("system:admin");
        assertThat(http.get("/supervisor/api/plugins", ApiTestApp.VIEWER).status()).isEqualTo(403);
        assertThat(plugin("greeter").get("state").asText()).isEqualTo("STARTED");
    }
}
