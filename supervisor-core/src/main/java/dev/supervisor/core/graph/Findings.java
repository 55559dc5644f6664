package dev.supervisor.core.graph;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.ValidationProblem.Kind;
import dev.supervisor.core.graph.internal.Finding;
import dev.supervisor.core.graph.internal.Suggestions;
import dev.supervisor.core.graph.internal.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The problems of one validation, worded: each message says what is wrong and what to change. */
final class Findings {
    /**
     * Distinct unknown ids that get a suggestion (the first ones met): each is compared with every task id, so
     * fewer in large workflows, keeping the work to about a million comparisons.
     */
    private final int suggested;
    static final int SHOWN = 5;
    private final String workflowId;
    private final List<TaskSpec> tasks;
    private final List<TaskType> knownTypes;
    private final Map<String, String> suggestions = new HashMap<>();

    Findings(String workflowId, List<TaskSpec> tasks, List<TaskType> knownTypes) {
        this.workflowId = Text.clean(workflowId);
        this.tasks = tasks;
        this.knownTypes = knownTypes;
        this.suggested = Math.max(1, Math.min(10, 1_000_000 / Math.max(1, tasks.size())));
    }

    ValidationProblem empty() {
        return new Finding(Kind.EMPTY_WORKFLOW, List.of(), "workflow '" + workflowId
                + "' has no tasks; add at least one");
    }

    ValidationProblem repeatedId(String id, int first, int again) {
        return new Finding(Kind.DUPLICATE_ID, List.of(id), "task id '" + id + "' is used by tasks #"
                + first + " and #" + again + "; give each task its own id");
    }

    ValidationProblem reservedId(String id, String fanOutTask) {
        return new Finding(Kind.DUPLICATE_ID, List.of(id), "task id '" + id + "' is reserved for an"
                + " instance of fan-out task '" + fanOutTask + "'; rename the task");
    }

    ValidationProblem unknownDependency(String task, String dep) {
        String s = suggestions.containsKey(dep) || suggestions.size() >= suggested ? suggestions.get(dep)
                : suggest(dep);
        return new Finding(Kind.UNKNOWN_DEPENDENCY, List.of(task, dep), "task '" + task + "' depends on '"
                + dep + "', which is not in workflow '" + workflowId + "'" + (s != null ? Suggestions.didYouMean(s)
                : "; add a task '" + dep + "' or remove the dependency"));
    }

    private String suggest(String dep) {
        Suggestions s = Suggestions.of(dep);
        for (int i = 0, n = tasks.size(); i < n; i++) {
            s.offer(tasks.get(i).id());
        }
        suggestions.put(dep, s.best());
        return s.best();
    }

    ValidationProblem duplicateEdge(String task, String dep) {
        return new Finding(Kind.DUPLICATE_EDGE, List.of(task, dep), "task '" + task + "' declares its"
                + " dependency on '" + dep + "' more than once; it counts once, declare it once");
    }

    ValidationProblem cycle(List<String> path) {
        return new Finding(Kind.CYCLE, path, "dependencies form a cycle: " + String.join(" -> ", path)
                + "; remove one of these dependencies");
    }

    ValidationProblem noHandler(TaskType type, String firstTask) {
        String s = null;
        if (!knownTypes.isEmpty()) {
            Suggestions search = Suggestions.of(type.name());
            knownTypes.forEach(t -> search.offer(t.name()));
            s = search.best();
        }
        return new Finding(Kind.NO_HANDLER, List.of(firstTask), "no handler is registered for task type '"
                + type + "' (first used by task '" + firstTask + "')" + (s != null ? Suggestions.didYouMean(s)
                : "; register a handler for it or change the type"));
    }

    /** Whether FAIL_FAST defeats the purpose of this task: it is meant to run after an upstream failed. */
    static boolean meantForFailures(TaskSpec t) {
        return failureRule(t.triggerRule()) || failureEdge(t.dependencies()) != null;
    }

    private static boolean failureRule(TriggerRule r) {
        return r == TriggerRule.ALL_DONE || r == TriggerRule.ALL_DONE_MIN_ONE_SUCCESS || r == TriggerRule.ONE_FAILED
                || r == TriggerRule.ALL_FAILED;
    }

    private static Dependency failureEdge(List<Dependency> deps) {
        for (int k = 0, d = deps.size(); k < d; k++) {
            Dependency dep = deps.get(k);
            EdgeCondition c = dep.condition();
            if (c != EdgeCondition.onSuccess() && (c.kind() == EdgeCondition.Kind.FAILURE
                    || c.kind() == EdgeCondition.Kind.COMPLETION)) {
                return dep;
            }
        }
        return null;
    }

    ValidationProblem skippedByFailFast(int[] which, int count) {
        List<String> ids = new ArrayList<>(count);
        StringBuilder sb = new StringBuilder("workflow '" + workflowId + "' fails fast (FAIL_FAST, the default), so"
                + " after a failure it skips ");
        for (int j = 0; j < count; j++) {
            TaskSpec t = tasks.get(which[j]);
            ids.add(t.id());
            if (j < SHOWN) {
                Dependency edge = failureEdge(t.dependencies());
                sb.append(j == 0 ? "" : ", ").append('\'').append(t.id()).append("' (").append(
                        failureRule(t.triggerRule()) ? "trigger rule " + t.triggerRule()
                                : edge.condition().kind() + " edge from '" + edge.taskId() + "'").append(')');
            }
        }
        if (count > SHOWN) {
            sb.append(" and ").append(count - SHOWN).append(" more");
        }
        sb.append(count == 1 ? ", which is" : ", which are").append(" meant to run after a failure; use"
                + " failureStrategy(CONTINUE), or mark ").append(count == 1 ? "it" : "them")
                .append(" teardown(true) to run even after a fail-fast");
        return new Finding(Kind.SKIPPED_BY_FAIL_FAST, ids, sb.toString());
    }
}
