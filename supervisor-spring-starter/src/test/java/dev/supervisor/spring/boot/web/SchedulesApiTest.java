package dev.supervisor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.api.RunQuery;
import org.junit.jupiter.api.Test;

/** Schedules through a real server: define, read, pause, resume, fire now, preview, replace, delete. */
class SchedulesApiTest extends ApiServerTest {
    static final String NIGHTLY = """
            {"id": "nightly", "cron": "0 30 2 * * ?", "zone": "Europe/Berlin",
             "workflow": {"id": "nightly-check", "tasks": [{"id": "a", "type": "work"}]},
             "inputs": {"n": 1}}""";

    @Test
    void schedule_lifecycle() {
        Http.Reply created = http.post("/supervisor/api/schedules", ApiTestApp.ADMIN, NIGHTLY);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("nextFire").asText()).endsWith("Z");
        assertThat(created.json().get("definition").get("workflowId").asText()).isEqualTo("nightly-check");
        assertThat(http.post("/supervisor/api/schedules", ApiTestApp.ADMIN, NIGHTLY).status()).isEqualTo(409);
        assertThat(http.post("/supervisor/api/schedules", ApiTestApp.VIEWER, NIGHTLY).status()).isEqualTo(403);

        JsonNode preview = http.get("/supervisor/api/schedules/nightly/preview?count=3", ApiTestApp.VIEWER).json();
        assertThat(preview.get("fires")).hasSize(3);
        assertThat(preview.get("fires").get(0).get("local").asText()).endsWith("02:30:00");
        assertThat(preview.get("fires").get(0).get("adjustment").asText()).isNotEmpty();

        assertThat(http.post("/supervisor/api/schedules/nightly/pause", ApiTestApp.USER, null).json()
                .get("paused").asBoolean()).isTrue();
        assertThat(http.post("/supervisor/api/schedules/nightly/resume", ApiTestApp.USER, null).json()
                .get("paused").asBoolean()).isFalse();

        Http.Reply fired = http.post("/supervisor/api/schedules/nightly/trigger", ApiTestApp.USER, null);
        assertThat(fired.status()).isEqualTo(202);
        assertThat(supervisor.runs(RunQuery.builder().workflowId("nightly-check").build()).runs()).singleElement()
                .satisfies(r -> assertThat(r.inputs()).containsEntry("scheduleId", "nightly").containsEntry("n", 1));

        Http.Reply replaced = http.put("/supervisor/api/schedules/nightly", ApiTestApp.ADMIN, NIGHTLY.replace(
                "\"0 30 2 * * ?\"", "\"0 0 12 ? * MON-FRI\""));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("definition").get("cron").asText()).isEqualTo("0 0 12 ? * MON-FRI");
        assertThat(http.get("/supervisor/api/schedules", ApiTestApp.VIEWER).json()).extracting(n -> n.get("id")
                .asText()).contains("nightly");

        assertThat(http.delete("/supervisor/api/schedules/nightly", ApiTestApp.USER).status()).isEqualTo(403);
        assertThat(http.delete("/supervisor/api/schedules/nightly", ApiTestApp.ADMIN).status()).isEqualTo(204);
        assertThat(http.get("/supervisor/api/schedules/nightly", ApiTestApp.VIEWER).status()).isEqualTo(404);
        assertThat(http.post("/supervisor/api/schedules/nightly/pause", ApiTestApp.USER, null).status()).isEqualTo(404);
    }

    @Test
    void badDefinitions_get422_namingTheField() {
        Http.Reply cron = http.post("/supervisor/api/schedules", ApiTestApp.ADMIN, NIGHTLY.replace("0 30 2 * * ?",
                "0 30 25 * * ?").replace("nightly\"", "bad-cron\""));
        assertThat(cron.status()).isEqualTo(422);
        assertThat(cron.json().get("pointer").asText()).isEqualTo("/cron");
        assertThat(cron.json().get("cronField").asText()).isEqualTo("hour");
        assertThat(cron.json().get("line").asInt()).isEqualTo(1);

        Http.Reply zone = http.post("/supervisor/api/schedules", ApiTestApp.ADMIN, NIGHTLY.replace("Europe/Berlin",
                "Mars/Olympus"));
        assertThat(zone.status()).isEqualTo(422);
        assertThat(zone.json().get("pointer").asText()).isEqualTo("/zone");

        Http.Reply task = http.post("/supervisor/api/schedules", ApiTestApp.ADMIN, NIGHTLY.replace("\"type\": \"work\"",
                "\"type\": 5"));
        assertThat(task.status()).isEqualTo(422);
        assertThat(task.json().get("pointer").asText()).isEqualTo("/workflow/tasks/0/type");
        assertThat(task.json().get("line").asInt()).isEqualTo(2);
        assertThat(task.json().get("column").asInt()).isEqualTo(60); // where the field "type" starts in the body
        assertThat(http.get("/supervisor/api/schedules/nightly", ApiTestApp.VIEWER).status())
                .as("nothing half-applied").isEqualTo(404);
    }
}
