package dev.supervisor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run endpoints through a real server on a random port, with real 401/403/404/409/422/429 answers. */
class RunsApiTest extends ApiServerTest {
    static final String TWO_TASKS = """
            {"workflow": {"id": "pair", "tasks": [
              {"id": "a", "type": "work"},
              {"id": "b", "type": "work", "dependsOn": ["a"]}]},
             "inputs": {"n": 7}}""";

    private String submit(String body) {
        Http.Reply r = http.post("/supervisor/api/runs", ApiTestApp.ADMIN, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("runId").asText();
    }

    @Test
    void submit_thenGet_showsEveryTaskWithItsOutcome() {
        Http.Reply created = http.post("/supervisor/api/runs", ApiTestApp.ADMIN, TWO_TASKS);
        assertThat(created.status()).isEqualTo(201);
        String runId = created.json().get("runId").asText();
        assertThat(created.header("Location")).isEqualTo("/supervisor/api/runs/" + runId);
        assertThat(created.json().get("workflowId").asText()).isEqualTo("pair");
        await(runId);

        JsonNode run = http.get("/supervisor/api/runs/" + runId, ApiTestApp.VIEWER).json();
        assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.get("createdAt").asText()).isNotEmpty();
        assertThat(run.get("progress").get("done").asInt()).isEqualTo(2);
        assertThat(run.get("criticalPath")).extracting(JsonNode::asText).containsExactly("a", "b");
        JsonNode b = run.get("tasks").get(1);
        assertThat(b.get("id").asText()).isEqualTo("b");
        assertThat(b.get("type").asText()).isEqualTo("work");
        assertThat(b.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(b.get("attempts").asInt()).isEqualTo(1);
        assertThat(b.get("output").get("echo").asText()).isEqualTo("7");
    }

    @Test
    void get_whileRunning_showsPerTaskStatesFromTheStore() {
        String runId = submit("""
                {"workflow": {"id": "held", "tasks": [{"id": "wait", "type": "block"},
                  {"id": "after", "type": "work", "dependsOn": ["wait"]}]}}""");
        JsonNode run = http.get("/supervisor/api/runs/" + runId, ApiTestApp.VIEWER).json();
        assertThat(run.get("status").asText()).isEqualTo("RUNNING");
        assertThat(run.get("tasks").get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(run.get("tasks").get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(run.get("tasks").get(1).get("state").asText()).isEqualTo("PENDING");
        gate.countDown();
        await(runId);
    }

    @Test
    void list_pagesNewestFirst_andFilters() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit(TWO_TASKS));
        }
        String failed = submit("""
                {"workflow": {"id": "broken", "tasks": [{"id": "x", "type": "fail"}]}}""");
        ids.forEach(this::await);
        await(failed);

        JsonNode firstPage = http.get("/supervisor/api/runs?workflow=pair&limit=2", ApiTestApp.VIEWER).json();
        assertThat(firstPage.get("runs")).hasSize(2);
        String next = firstPage.get("next").asText();
        JsonNode secondPage = http.get("/supervisor/api/runs?workflow=pair&limit=2&cursor=" + next, ApiTestApp.VIEWER)
                .json();
        List<String> walked = new ArrayList<>();
        firstPage.get("runs").forEach(r -> walked.add(r.get("runId").asText()));
        secondPage.get("runs").forEach(r -> walked.add(r.get("runId").asText()));
        assertThat(walked).containsAll(ids);

        JsonNode failures = http.get("/supervisor/api/runs?status=failed,timed_out", ApiTestApp.VIEWER).json();
        assertThat(failures.get("runs")).extracting(r -> r.get("runId").asText()).contains(failed)
                .doesNotContainAnyElementsOf(ids);
    }

    @Test
    void errors_areProblemDetails_withRealStatusCodes() {
        Http.Reply anonymous = http.get("/supervisor/api/runs", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.json().get("type").asText()).isEqualTo("urn:supervisor:problem:unauthenticated");

        Http.Reply viewer = http.post("/supervisor/api/runs", ApiTestApp.VIEWER, TWO_TASKS);
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.json().get("permission").asText()).isEqualTo("workflows:execute");
        assertThat(http.get("/supervisor/api/runs", ApiTestApp.NOBODY).status()).isEqualTo(403);

        Http.Reply missing = http.get("/supervisor/api/runs/no-such-run", ApiTestApp.VIEWER);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asText()).contains("no-such-run");

        String done = submit(TWO_TASKS);
        await(done);
        Http.Reply late = http.post("/supervisor/api/runs/" + done + "/cancel", ApiTestApp.ADMIN, null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("already ended with status SUCCEEDED");

        Http.Reply badStatus = http.get("/supervisor/api/runs?status=DONE", ApiTestApp.VIEWER);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("parameter").asText()).isEqualTo("status");
        assertThat(http.get("/supervisor/api/runs?limit=5000", ApiTestApp.VIEWER).json().get("detail").asText())
                .contains("limit must be between 1 and 1000 but was 5000");
        assertThat(http.get("/supervisor/api/runs?cursor=zzz", ApiTestApp.VIEWER).json().get("parameter").asText())
                .isEqualTo("cursor");
    }

    @Test
    void invalidWorkflows_get422_namingTheFieldAndItsPosition() {
        Http.Reply unknownField = http.post("/supervisor/api/runs", ApiTestApp.ADMIN, """
                {"workflow": {"id": "w", "tasks": [
                  {"id": "a", "type": "work", "retries": 3}]}}""");
        assertThat(unknownField.status()).isEqualTo(422);
        JsonNode p = unknownField.json();
        assertThat(p.get("pointer").asText()).isEqualTo("/workflow/tasks/0/retries");
        assertThat(p.get("line").asInt()).isEqualTo(2);
        assertThat(p.get("column").asInt()).isGreaterThan(20);

        Http.Reply cycle = http.post("/supervisor/api/runs", ApiTestApp.ADMIN, """
                {"workflow": {"id": "loop", "tasks": [
                  {"id": "a", "type": "work", "dependsOn": ["b"]},
                  {"id": "b", "type": "work", "dependsOn": ["a"]}]}}""");
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.json().get("type").asText()).as(cycle.text()).isEqualTo("urn:supervisor:problem:invalid-field");
        assertThat(cycle.json().get("detail").asText()).containsIgnoringCase("cycle");

        Http.Reply noHandler = http.post("/supervisor/api/runs", ApiTestApp.ADMIN, """
                {"workflow": {"id": "w", "tasks": [{"id": "a", "type": "nobody-handles-this"}]}}""");
        assertThat(noHandler.status()).isEqualTo(422);
        assertThat(noHandler.json().get("errors").get(0).get("taskIds").get(0).asText()).isEqualTo("a");

        Http.Reply extra = http.post("/supervisor/api/runs", ApiTestApp.ADMIN, "{\"workflow\": {}, \"priority\": 1}");
        assertThat(extra.status()).isEqualTo(422);
        assertThat(extra.json().get("pointer").asText()).isEqualTo("/priority");

        Http.Reply syntax = http.post("/supervisor/api/runs", ApiTestApp.ADMIN, "{\"workflow\": {\"id\": }");
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(syntax.json().get("line").asInt()).isEqualTo(1);
    }

    @Test
    void submit_whenTheSupervisorIsFull_gets429WithRetryAfter() {
        List<String> held = new ArrayList<>();
        Http.Reply r;
        do {
            r = http.post("/supervisor/api/runs", ApiTestApp.ADMIN, """
                    {"workflow": {"id": "held", "tasks": [{"id": "wait", "type": "block"}]}}""");
            if (r.status() == 201) {
                held.add(r.json().get("runId").asText());
            }
        } while (r.status() == 201 && held.size() < 10);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(held).hasSizeLessThanOrEqualTo(4);
        gate.countDown();
        held.forEach(this::await);
    }

    @Test
    void cancel_stopsARunningRun() {
        String runId = submit("""
                {"workflow": {"id": "held", "tasks": [{"id": "wait", "type": "block"}]}}""");
        Http.Reply viewer = http.post("/supervisor/api/runs/" + runId + "/cancel", ApiTestApp.VIEWER, null);
        assertThat(viewer.status()).isEqualTo(403);
        Http.Reply cancelled = http.post("/supervisor/api/runs/" + runId + "/cancel", ApiTestApp.USER, null);
        assertThat(cancelled.status()).isEqualTo(200);
        await(runId);
        assertThat(http.get("/supervisor/api/runs/" + runId, ApiTestApp.VIEWER).json().get("status").asText())
                .isEqualTo("CANCELLED");
    }
}
