package dev.supervisor.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.FanOut;
import dev.supervisor.api.Priority;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import java.io.IOException;
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
    void writeCompact_leavesOutWhatAReaderAssumes_andKeepsWhatDiffers() {
        dev.supervisor.api.TaskType noop = dev.supervisor.api.TaskType.of("noop");
        WorkflowSpec plain = WorkflowSpec.builder("flat").task(TaskSpec.builder("a", noop))
                .task(TaskSpec.builder("b", noop).dependsOn("a")).build();
        assertThat(WorkflowJson.writeCompact(plain)).isEqualTo("{\"id\":\"flat\",\"tasks\":[{\"id\":\"a\","
                + "\"type\":\"noop\"},{\"id\":\"b\",\"type\":\"noop\",\"dependsOn\":[\"a\"]}]}");
        assertThat(WorkflowJson.read(WorkflowJson.writeCompact(plain))).usingRecursiveComparison().isEqualTo(plain);
        WorkflowSpec set = WorkflowSpec.builder("w").name("W").failureStrategy(FailureStrategy.CONTINUE)
                .task(TaskSpec.builder("a", noop).name("A").priority(Priority.HIGH)
                        .estimatedDuration(Duration.ofSeconds(2)).triggerRule(TriggerRule.ALL_DONE)).build();
        String compact = WorkflowJson.writeCompact(set);
        assertThat(compact).contains("\"W\"", "CONTINUE", "\"A\"", "HIGH", "PT2S", "ALL_DONE");
        assertThat(WorkflowJson.read(compact)).usingRecursiveComparison().isEqualTo(set);
    }

    /** {@link #DOC} has the form the writer had before it wrote retryOn, abortOn, fanOut and teardown. */
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
    void read_missingTaskType_namesFieldAndTheTaskItBelongsIn() {
        WorkflowFormatException e = error("{\"id\": \"w\", \"tasks\": [\n  {\"id\": \"a\"}\n]}");
        assertThat(e.pointer()).isEqualTo("/tasks/0/type");
        assertThat(e.getMessage()).isEqualTo("/tasks/0/type (line 2, column 3): is required");
    }

    @Test
    void read_wrongType_namesLineAndColumn() {
        WorkflowFormatException e = error("{\"id\": \"w\",\n \"tasks\": [{\"id\": \"a\", \"type\": \"t\",\n"
                + "   \"timeout\": 30}]}");
        assertThat(e.getMessage()).isEqualTo("/tasks/0/timeout (line 3, column 4): must be a string but was number");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void read_unknownField_isRejectedSuggestingTheClosest() {
        WorkflowFormatException e = error("{\"id\": \"w\", \"tasks\": [{\"id\": \"a\", \"type\": \"t\",\n"
                + "  \"dependOn\": []}]}");
        assertThat(e.pointer()).isEqualTo("/tasks/0/dependOn");
        assertThat(e.getMessage()).isEqualTo("/tasks/0/dependOn (line 2, column 3): unknown field 'dependOn'; did you"
                + " mean 'dependsOn'?");
    }

    @Test
    void read_unknownFieldFarFromAll_listsTheKnownOnes() {
        assertThat(error("{\"id\": \"w\", \"owner\": \"me\", \"tasks\": [{\"id\": \"a\", \"type\": \"t\"}]}")
                .getMessage()).isEqualTo("/owner (line 1, column 13): unknown field 'owner'; the fields of a workflow"
                        + " are [failureStrategy, id, maxConcurrency, name, tasks, timeout]");
    }

    @Test
    void read_misspelledConstant_suggestsTheClosest() {
        assertThat(error("{\"id\": \"w\", \"failureStrategy\": \"fail_fats\", \"tasks\": [{\"id\": \"a\","
                + " \"type\": \"t\"}]}").getMessage()).isEqualTo("/failureStrategy (line 1, column 13): 'fail_fats' is"
                        + " not one of [FAIL_FAST, CONTINUE]; did you mean 'FAIL_FAST'?");
    }

    @Test
    void read_badDuration_explainsTheFormat() {
        WorkflowFormatException e = error("{\"id\": \"w\", \"timeout\": \"5 minutes\", \"tasks\": [{\"id\": \"a\","
                + " \"type\": \"t\"}]}");
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

    /* ---- every problem at once ---- */

    @Test
    void read_documentWithManyProblems_reportsEveryOneAtItsPlaceInDocumentOrder() {
        WorkflowFormatException e = error("""
                {"id": "etl", "failureStrategy": "CONTINU",
                 "tasks": [
                  {"id": "extract", "type": "t", "priorty": "HIGH"},
                  {"id": "load", "type": "t", "dependsOn": ["extrct", "load"]},
                  {"id": "extract", "type": "t"},
                  {"id": "a", "type": "t", "dependsOn": ["b"], "timeout": "soon"},
                  {"id": "b", "type": "t", "dependsOn": ["a"]}
                 ]}
                """);
        assertThat(e.problems()).extracting(WorkflowFormatException.Problem::toString).containsExactly(
                "/failureStrategy (line 1, column 15): 'CONTINU' is not one of [FAIL_FAST, CONTINUE]; did you mean"
                        + " 'CONTINUE'?",
                "/tasks/0/priorty (line 3, column 34): unknown field 'priorty'; did you mean 'priority'?",
                "/tasks/1/dependsOn/0 (line 4, column 45): task 'load' depends on 'extrct', which is not in workflow"
                        + " 'etl'; did you mean 'extract'?",
                "/tasks/1/dependsOn/1 (line 4, column 55): task 'load' cannot depend on itself; remove the"
                        + " dependency",
                "/tasks/2/id (line 5, column 4): task id 'extract' is already used by the task at /tasks/0; give"
                        + " each task its own id",
                "/tasks/3/dependsOn/0 (line 6, column 42): dependencies form a cycle: a -> b -> a; remove one of"
                        + " these dependencies",
                "/tasks/3/timeout (line 6, column 48): 'soon' is not an ISO-8601 duration such as PT30S or PT5M");
        assertThat(e.getMessage()).startsWith("workflow document has 7 problems:\n  - /failureStrategy (line 1");
    }

    @Test
    void read_taskTakingAFanOutInstanceId_isReportedAtItsId() {
        WorkflowFormatException e = error("""
                {"id": "w", "tasks": [
                  {"id": "x", "type": "t", "fanOut": {"items": "inputs.list", "maxWidth": 3}},
                  {"id": "x[1]", "type": "t", "dependsOn": ["x"]}
                ]}
                """);
        assertThat(e.getMessage()).isEqualTo("/tasks/1/id (line 3, column 4): task id 'x[1]' is reserved for an"
                + " instance of fan-out task 'x'; rename the task");
    }

    @Test
    void read_emptyTaskList_isRefused() {
        assertThat(error("{\"id\": \"w\", \"tasks\": []}").getMessage())
                .isEqualTo("/tasks (line 1, column 13): must hold at least one task");
    }

    /* ---- fields of their own ---- */

    @Test
    void read_fanOutAndTeardown_areRead() {
        WorkflowSpec wf = WorkflowJson.read("""
                {"id": "w", "tasks": [
                  {"id": "list", "type": "t"},
                  {"id": "each", "type": "t", "dependsOn": ["list"],
                   "fanOut": {"items": "tasks.list.output", "maxWidth": 50}},
                  {"id": "clean", "type": "t", "dependsOn": ["each"], "triggerRule": "all_done", "teardown": true}
                ]}
                """);
        assertThat(wf.tasks().get(1).fanOut()).contains(new FanOut("tasks.list.output", 50));
        assertThat(wf.tasks().get(2).teardown()).isTrue();
        assertThat(wf.tasks().get(0).teardown()).isFalse();
    }

    /** A failure type of the host, named by its binary name in documents. */
    static final class Flaky extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static final String RETRYING = """
            {"id": "w", "tasks": [{"id": "a", "type": "t",
              "retry": {"maxAttempts": 4, "retryOn": ["java.io.IOException", "%s"],
                        "abortOn": ["java.lang.IllegalStateException"]}}]}
            """;

    @Test
    void read_retryOnAndAbortOn_resolveClassNames() {
        RetryPolicy r = WorkflowJson.read(RETRYING.formatted(Flaky.class.getName())).tasks().get(0).retryPolicy();
        assertThat(r.retryOn()).containsExactly(IOException.class, Flaky.class);
        assertThat(r.abortOn()).containsExactly(IllegalStateException.class);
        assertThat(WorkflowJson.write(WorkflowJson.read(RETRYING.formatted(Flaky.class.getName()))))
                .contains("\"dev.supervisor.core.json.WorkflowJsonTest$Flaky\"");
    }

    @Test
    void read_unknownFailureClass_namesTheFieldAndTheLoader() {
        WorkflowFormatException e = error(RETRYING.formatted("com.acme.Gone"));
        assertThat(e.pointer()).isEqualTo("/tasks/0/retry/retryOn/1");
        assertThat(e.getMessage()).startsWith("/tasks/0/retry/retryOn/1 (line 2, column 66): retryOn names class"
                + " 'com.acme.Gone', which the class loader given to WorkflowJson.read (")
                .endsWith("cannot load; put it on that loader's class path or pass the loader that has it");
        assertThat(e.getCause()).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void read_classThatIsNoThrowable_isRefused() {
        assertThat(error(RETRYING.formatted("java.lang.String")).getMessage())
                .endsWith("retryOn names class 'java.lang.String', which is not a Throwable");
    }

    /** Remembers the names it was asked for, then asks its parent. */
    private static final class RecordingLoader extends ClassLoader {
        final List<String> asked = new java.util.ArrayList<>();

        RecordingLoader() {
            super(WorkflowJsonTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void read_withAClassLoader_resolvesThroughIt() {
        RecordingLoader loader = new RecordingLoader();
        WorkflowJson.read(RETRYING.formatted(Flaky.class.getName()), loader);
        assertThat(loader.asked).containsExactly("java.io.IOException", Flaky.class.getName(),
                "java.lang.IllegalStateException");
    }

    @Test
    void read_withoutAClassLoader_usesTheThreadContextLoader() {
        RecordingLoader loader = new RecordingLoader();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            WorkflowJson.read(RETRYING.formatted(Flaky.class.getName()));
        } finally {
            thread.setContextClassLoader(before);
        }
        assertThat(loader.asked).contains(Flaky.class.getName());
    }
}
