package dev.supervisor.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.Priority;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowJsonTest {
    private static final String DOC = """
            {
              "id": "code-change",
              "name": "Supervise a code change",
              "failureStrategy": "CONTINUE",
              "maxConcurrency": 4,
              "timeout": "PT10M",
              "tasks": [
                {"id": "checkout", "type": "git.checkout", "priority": 7, "estimatedDuration": "PT5S"},
                {"id": "lint", "type": "lint", "config": {"strict": true, "rules": ["a", "b"], "max": 3},
                 "retry": {"maxAttempts": 3, "backoff": "LINEAR", "delay": "PT2S", "maxDelay": "PT10S",
                           "jitter": true},
                 "tags": ["static"], "dependsOn": ["checkout"], "timeout": "PT1M"},
                {"id": "notify", "type": "notify", "priority": "low",
                 "dependsOn": [{"task": "lint", "condition": "FAILURE"}], "triggerRule": "one_failed"}
              ]
            }
            """;

    private static WorkflowFormatException error(String json) {
        try {
            WorkflowJson.read(json);
        } catch (WorkflowFormatException e) {
            return e;
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void read_fullDocument_mapsEveryField() {
        WorkflowSpec wf = WorkflowJson.read(DOC);
        assertThat(wf.id()).isEqualTo("code-change");
        assertThat(wf.failureStrategy()).isEqualTo(FailureStrategy.CONTINUE);
        assertThat(wf.maxConcurrency()).isEqualTo(4);
        assertThat(wf.timeout()).contains(Duration.ofMinutes(10));
        TaskSpec lint = wf.tasks().get(1);
        assertThat(lint.config()).isEqualTo(Map.of("strict", true, "rules", List.of("a", "b"), "max", 3));
        assertThat(lint.retryPolicy().backoff()).isEqualTo(Backoff.LINEAR);
        assertThat(lint.retryPolicy().maxDelay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(lint.retryPolicy().jitter()).isTrue();
        assertThat(lint.timeout()).contains(Duration.ofMinutes(1));
        assertThat(wf.tasks().get(0).priority()).isEqualTo(Priority.HIGH);
        TaskSpec notify = wf.tasks().get(2);
        assertThat(notify.priority()).isEqualTo(Priority.LOW);
        assertThat(notify.dependencies().get(0).condition()).isEqualTo(EdgeCondition.onFailure());
        assertThat(notify.triggerRule()).isEqualTo(TriggerRule.ONE_FAILED);
    }

    @Test
    void write_thenRead_roundTrips() {
        WorkflowSpec wf = WorkflowJson.read(DOC);
        String again = WorkflowJson.write(WorkflowJson.read(WorkflowJson.write(wf)));
        assertThat(again).isEqualTo(WorkflowJson.write(wf));
        assertThat(again).contains("\"condition\" : \"FAILURE\"");
    }

    @Test
    void read_missingTaskType_namesFieldAndPosition() {
        WorkflowFormatException e = error("{\"id\": \"w\", \"tasks\": [\n  {\"id\": \"a\"}\n]}");
        assertThat(e.pointer()).isEqualTo("/tasks/0/type");
        assertThat(e.getMessage()).isEqualTo("/tasks/0/type: is required");
    }

    @Test
    void read_wrongType_namesLineAndColumn() {
        WorkflowFormatException e = error("{\"id\": \"w\",\n \"tasks\": [{\"id\": \"a\", \"type\": \"t\",\n"
                + "   \"timeout\": 30}]}");
        assertThat(e.getMessage()).isEqualTo("/tasks/0/timeout (line 3, column 4): must be a string but was number");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void read_unknownField_isRejectedWithTheAllowedOnes() {
        WorkflowFormatException e = error("{\"id\": \"w\", \"tasks\": [{\"id\": \"a\", \"type\": \"t\","
                + " \"dependOn\": []}]}");
        assertThat(e.pointer()).isEqualTo("/tasks/0/dependOn");
        assertThat(e.getMessage()).contains("unknown field 'dependOn'").contains("dependsOn");
    }

    @Test
    void read_badDuration_explainsTheFormat() {
        WorkflowFormatException e = error("{\"id\": \"w\", \"timeout\": \"5 minutes\", \"tasks\": []}");
        assertThat(e.getMessage()).isEqualTo("/timeout (line 1, column 13): '5 minutes' is not an ISO-8601 duration"
                + " such as PT30S or PT5M");
    }

    @Test
    void read_builderRejection_isReportedAtTheField() {
        WorkflowFormatException e = error("{\"id\": \"w\", \"tasks\": [{\"id\": \"bad id!\", \"type\": \"t\"}]}");
        assertThat(e.pointer()).isEqualTo("/tasks/0/id");
        assertThat(e.getMessage()).contains("task id must be 1-200 characters");
    }

    @Test
    void read_duplicateKey_isRejected() {
        WorkflowFormatException e = error("{\"id\": \"w\", \"id\": \"x\", \"tasks\": []}");
        assertThat(e.getMessage()).contains("invalid JSON").contains("Duplicate field 'id'").contains("line 1");
    }

    @Test
    void read_syntaxError_givesPosition() {
        WorkflowFormatException e = error("{\"id\": \"w\",\n  \"tasks\": [}");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("invalid JSON");
    }

    @Test
    void read_deepNesting_isRejectedNotOverflowed() {
        String deep = "{\"id\": \"w\", \"tasks\": [{\"id\": \"a\", \"type\": \"t\", \"config\": {\"x\": "
                + "[".repeat(10_000) + "]".repeat(10_000) + "}}]}";
        assertThat(error(deep).getMessage()).contains("invalid JSON").contains("nesting depth");
    }

    @Test
    void read_notAnObject_isRejected() {
        assertThat(error("[1, 2]").getMessage()).contains("must be a JSON object");
    }
}
