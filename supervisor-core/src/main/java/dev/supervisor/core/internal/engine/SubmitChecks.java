package dev.supervisor.core.internal.engine;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.ValidationProblem.Kind;
import dev.supervisor.core.graph.TaskGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Structural checks the engine needs before it can build a run. Cycle paths and graph-wide warnings are the
 * validator's job; here a cycle is detected by Kahn's algorithm and named by the tasks left over.
 */
final class SubmitChecks {
    private SubmitChecks() {
    }

    /**
     * @param graph the workflow's graph if it could be built (ids unique, dependencies known), else null
     */
    static List<ValidationProblem> problems(WorkflowSpec wf, TaskGraph graph, Predicate<TaskType> hasHandler) {
        List<ValidationProblem> out = new ArrayList<>();
        List<TaskSpec> tasks = wf.tasks();
        if (tasks.isEmpty()) {
            out.add(new ValidationProblem(Kind.EMPTY_WORKFLOW, List.of(), "workflow '" + wf.id()
                    + "' has no tasks"));
            return out;
        }
        if (graph == null) {
            structural(tasks, out);
        } else {
            for (int i = 0; i < graph.size(); i++) {
                for (int e = graph.predecessorStart(i); e < graph.predecessorEnd(i); e++) {
                    if (graph.predecessorArray()[e] == i) {
                        out.add(selfDependency(graph.id(i)));
                    }
                }
            }
        }
        Set<TaskType> missing = new HashSet<>();
        TaskType lastChecked = null;
        for (TaskSpec t : tasks) {
            for (Dependency d : t.dependencies()) {
                if (d.condition().kind() != EdgeCondition.Kind.SUCCESS) {
                    out.add(unsupported(t, "edge condition " + d.condition().kind() + " on '" + d.taskId() + "'"));
                }
            }
            if (t.triggerRule() != TriggerRule.ALL_SUCCESS) {
                out.add(unsupported(t, "trigger rule " + t.triggerRule()));
            }
            if (t.condition().isPresent()) {
                out.add(unsupported(t, "condition"));
            }
            if (t.type() != lastChecked && !t.type().equals(lastChecked)) {
                if (!hasHandler.test(t.type()) && missing.add(t.type())) {
                    out.add(new ValidationProblem(Kind.NO_HANDLER, List.of(t.id()), "no handler is registered for"
                            + " task type " + t.type() + " (first used by task '" + t.id() + "')"));
                }
                lastChecked = t.type();
            }
        }
        return out;
    }

    private static ValidationProblem selfDependency(String id) {
        return new ValidationProblem(Kind.SELF_DEPENDENCY, List.of(id), "task '" + id + "' depends on itself");
    }

    private static void structural(List<TaskSpec> tasks, List<ValidationProblem> out) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            Integer prev = first.putIfAbsent(tasks.get(i).id(), i);
            if (prev != null) {
                out.add(new ValidationProblem(Kind.DUPLICATE_ID, List.of(tasks.get(i).id()), "task id '"
                        + tasks.get(i).id() + "' is used by tasks #" + prev + " and #" + i));
            }
        }
        for (TaskSpec t : tasks) {
            for (Dependency d : t.dependencies()) {
                if (d.taskId().equals(t.id())) {
                    out.add(selfDependency(t.id()));
                } else if (!first.containsKey(d.taskId())) {
                    out.add(new ValidationProblem(Kind.UNKNOWN_DEPENDENCY, List.of(t.id(), d.taskId()), "task '"
                            + t.id() + "' depends on unknown task '" + d.taskId() + "'"));
                }
            }
        }
    }

    private static ValidationProblem unsupported(TaskSpec t, String what) {
        // Conditional execution lands with the expression language; until then refuse rather than ignore it.
        return new ValidationProblem(Kind.UNSUPPORTED_FEATURE, List.of(t.id()), "task '" + t.id() + "' uses "
                + what + ", which this engine version does not execute yet");
    }
}
