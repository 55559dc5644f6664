package dev.supervisor.core.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.graph.WorkflowValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a parsed document onto the spec builders, collecting every problem — bad fields, what the builders refuse,
 * and what the structural validator reports — each at the JSON pointer of its field.
 */
public final class SpecReader {
    static final List<String> WORKFLOW_FIELDS = List.of("failureStrategy", "id", "maxConcurrency", "name", "tasks",
            "timeout");

    private final Fields f = new Fields();
    private final TaskReader taskReader;
    /** The tasks read, without repeated ids, and where each sits in the document. */
    private final List<TaskSpec> specs = new ArrayList<>();
    private final List<TaskReader.Read> reads = new ArrayList<>();
    private final Map<String, Integer> byId = new HashMap<>();

    /**
     * @param mapper converts {@code config} objects to plain maps
     * @param loader resolves the exception classes of retry policies
     */
    public SpecReader(ObjectMapper mapper, ClassLoader loader) {
        this.taskReader = new TaskReader(mapper, loader, f);
    }

    /** @return every problem found, in the order found */
    public List<FieldProblem> problems() {
        return f.problems();
    }

    /**
     * @param root the document
     * @return the workflow, or null if there is any problem (see {@link #problems()})
     */
    public WorkflowSpec workflow(JsonNode root) {
        f.known(root, "", "a workflow", WORKFLOW_FIELDS);
        String id = f.text(root, "", "id", true);
        WorkflowSpec.Builder named = id == null ? null : f.build("/id", () -> WorkflowSpec.builder(id));
        // Without a valid id the options are still read, into a builder that is never built.
        WorkflowSpec.Builder b = named != null ? named : WorkflowSpec.builder("unnamed");
        String name = f.text(root, "", "name", false);
        if (name != null) {
            f.apply("/name", () -> b.name(name));
        }
        FailureStrategy strategy = root.has("failureStrategy") ? f.constant(FailureStrategy.class,
                root.get("failureStrategy"), "/failureStrategy") : null;
        if (strategy != null) {
            b.failureStrategy(strategy);
        }
        if (root.has("maxConcurrency")) {
            Integer v = f.integer(root.get("maxConcurrency"), "/maxConcurrency");
            if (v != null) {
                f.apply("/maxConcurrency", () -> b.maxConcurrency(v));
            }
        }
        Duration timeout = f.duration(root, "", "timeout");
        if (timeout != null) {
            f.apply("/timeout", () -> b.timeout(timeout));
        }
        JsonNode tasks = root.get("tasks");
        if (tasks == null) {
            f.add("/tasks", "is required: a workflow lists its tasks, e.g. \"tasks\": [{\"id\": \"a\", \"type\":"
                    + " \"t\"}]", null);
        } else if (!tasks.isArray()) {
            f.add("/tasks", "must be an array of tasks", null);
        } else if (tasks.isEmpty()) {
            f.add("/tasks", "must hold at least one task", null);
        } else {
            readTasks(tasks);
            structure(id != null ? id : "unnamed", strategy != null ? strategy : FailureStrategy.FAIL_FAST);
        }
        if (!f.problems().isEmpty()) {
            return null;
        }
        return b.tasks(specs).build();
    }

    private void readTasks(JsonNode tasks) {
        for (int i = 0; i < tasks.size(); i++) {
            String at = "/tasks/" + i;
            JsonNode t = f.object(tasks.get(i), at);
            TaskReader.Read read = t == null ? null : taskReader.task(t, i);
            if (read == null) {
                continue;
            }
            String id = read.spec().id();
            Integer first = byId.putIfAbsent(id, specs.size());
            if (first != null) {
                // The builder would refuse it; reported here with both places, and the repeat checked no further.
                f.add(at + "/id", "task id '" + id + "' is already used by the task at /tasks/"
                        + reads.get(first).index() + "; give each task its own id", null);
                continue;
            }
            specs.add(read.spec());
            reads.add(read);
        }
    }

    /** Runs the structural validator over the tasks read and reports its errors at the fields they concern. */
    private void structure(String workflowId, FailureStrategy strategy) {
        if (specs.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (ValidationProblem p : WorkflowValidator.structural().validate(workflowId, strategy, specs).errors()) {
            List<String> ids = p.taskIds();
            String at = switch (p.kind()) {
                case UNKNOWN_DEPENDENCY -> dependency(ids.get(0), ids.get(1),
                        seen.merge(ids.get(0) + "\u0000" + ids.get(1), 1, Integer::sum) - 1);
                // a -> b -> c -> a: the last edge is a's dependency on c
                case CYCLE -> dependency(ids.get(0), ids.get(ids.size() - 2), 0);
                default -> ids.isEmpty() || !byId.containsKey(ids.get(0)) ? "/tasks"
                        : "/tasks/" + reads.get(byId.get(ids.get(0))).index() + "/id";
            };
            f.add(at, p.message(), null);
        }
    }

    /** @return the pointer of the {@code nth} dependency of task {@code id} on {@code upstream} */
    private String dependency(String id, String upstream, int nth) {
        int j = byId.get(id);
        TaskReader.Read read = reads.get(j);
        var deps = specs.get(j).dependencies();
        for (int k = 0, found = 0; k < deps.size(); k++) {
            if (deps.get(k).taskId().equals(upstream) && found++ == nth) {
                return "/tasks/" + read.index() + "/dependsOn/" + read.dependencyIndex(k);
            }
        }
        return "/tasks/" + read.index() + "/dependsOn";
    }
}
