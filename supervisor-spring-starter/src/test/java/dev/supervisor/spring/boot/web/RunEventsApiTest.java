package dev.supervisor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A run's events through a real server: the JSON page, and the event stream live and resumed. */
class RunEventsApiTest extends ApiServerTest {
    /** One server-sent event: its id (or null) and name. */
    record Sse(String id, String name, String data) {
    }

    /** Reads events until one named {@code last}, or the end of the stream. */
    private static List<Sse> read(Stream<String> lines, String last) {
        List<Sse> out = new ArrayList<>();
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        Iterator<String> it = lines.iterator();
        while (it.hasNext()) {
            String line = it.next();
            if (line.isEmpty()) {
                if (name != null) {
                    out.add(new Sse(id, name, data.toString()));
                    if (name.equals(last)) {
                        break;
                    }
                }
                id = null;
                name = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            }
        }
        lines.close();
        return out;
    }

    @Test
    void stream_followsARunLive_thenResumesAfterTheLastEventId() {
        String runId = http.post("/supervisor/api/runs", ApiTestApp.ADMIN, """
                {"workflow": {"id": "held", "tasks": [{"id": "wait", "type": "block"},
                  {"id": "after", "type": "work", "dependsOn": ["wait"]}]}}""").json().get("runId").asText();
        Stream<String> lines = http.stream("/supervisor/api/runs/" + runId + "/events/stream", ApiTestApp.VIEWER, null);
        gate.countDown(); // the run goes on while the client is connected
        List<Sse> events = read(lines, "RunFinished");
        assertThat(events).extracting(Sse::name).containsExactly("RunStarted", "TaskStarted", "TaskSucceeded",
                "TaskStarted", "TaskSucceeded", "RunFinished");
        assertThat(events).extracting(Sse::id).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(events.get(5).data()).contains("\"status\":\"SUCCEEDED\"");

        List<Sse> resumed = read(http.stream("/supervisor/api/runs/" + runId + "/events/stream", ApiTestApp.VIEWER,
                "4"), "RunFinished");
        assertThat(resumed).extracting(Sse::id).containsExactly("5", "6");
    }

    @Test
    void page_listsEventsWithSequences() {
        String runId = http.post("/supervisor/api/runs", ApiTestApp.ADMIN, RunsApiTest.TWO_TASKS).json()
                .get("runId").asText();
        supervisor.run(runId).orElseThrow().outcome().join();
        JsonNode page = http.get("/supervisor/api/runs/" + runId + "/events?after=2&limit=2", ApiTestApp.VIEWER).json();
        assertThat(page.get("events")).hasSize(2);
        assertThat(page.get("events").get(0).get("sequence").asLong()).isEqualTo(3);
        assertThat(page.get("events").get(0).get("node").asText()).isEqualTo("test-node");
        assertThat(page.get("events").get(0).get("event").get("type").asText()).isEqualTo("TaskSucceeded");
        assertThat(page.get("last").asLong()).isEqualTo(4);
        assertThat(http.get("/supervisor/api/runs/nope/events", ApiTestApp.VIEWER).status()).isEqualTo(404);
        assertThat(http.get("/supervisor/api/runs/" + runId + "/events/stream", null).status()).isEqualTo(401);
    }
}
