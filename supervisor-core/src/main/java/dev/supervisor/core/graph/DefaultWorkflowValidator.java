package dev.supervisor.core.graph;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.ValidationProblem.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Array-based checks; see {@link WorkflowValidator}. */
final class DefaultWorkflowValidator implements WorkflowValidator {
    private static final int GROUPS_SHOWN = 5;
    private static final int MAX_CYCLES = 100;
    private final Predicate<TaskType> hasHandler;

    DefaultWorkflowValidator(Predicate<TaskType> hasHandler) {
        this.hasHandler = hasHandler;
    }

    @Override
    public ValidationReport validate(WorkflowSpec wf) {
        List<TaskSpec> tasks = wf.tasks();
        int n = tasks.size();
        List<ValidationProblem> errors = new ArrayList<>();
        List<ValidationProblem> warnings = new ArrayList<>();
        if (n == 0) {
            errors.add(new ValidationProblem(Kind.EMPTY_WORKFLOW, List.of(), "workflow '" + wf.id()
                    + "' has no tasks"));
            return new ValidationReport(wf.id(), errors);
        }
        IdIndex index = new IdIndex(n);
        boolean[] duplicate = new boolean[n];
        for (int i = 0; i < n; i++) {
            String id = tasks.get(i).id();
            int prev = index.putIfAbsent(id, i);
            if (prev >= 0) {
                duplicate[i] = true;
                errors.add(new ValidationProblem(Kind.DUPLICATE_ID, List.of(id), "task id '" + id
                        + "' is used by tasks #" + prev + " and #" + i));
            }
        }
        int edgeCount = 0;
        for (TaskSpec t : tasks) {
            edgeCount += t.dependencies().size();
        }
        int[] from = new int[edgeCount];
        int[] to = new int[edgeCount];
        int m = 0;
        int[] stamp = new int[n];
        Arrays.fill(stamp, -1);
        for (int i = 0; i < n; i++) {
            TaskSpec t = tasks.get(i);
            List<Dependency> deps = t.dependencies();
            for (int k = 0; k < deps.size(); k++) {
                String dep = deps.get(k).taskId();
                int p = index.get(dep);
                if (dep.equals(t.id())) {
                    errors.add(new ValidationProblem(Kind.SELF_DEPENDENCY, List.of(t.id()), "task '" + t.id()
                            + "' depends on itself"));
                } else if (p < 0) {
                    errors.add(new ValidationProblem(Kind.UNKNOWN_DEPENDENCY, List.of(t.id(), dep), "task '"
                            + t.id() + "' depends on unknown task '" + dep + "'"));
                } else if (stamp[p] == i) {
                    warnings.add(new ValidationProblem(Kind.DUPLICATE_EDGE, List.of(t.id(), dep), "task '"
                            + t.id() + "' declares its dependency on '" + dep + "' more than once; merged"));
                } else {
                    stamp[p] = i;
                    from[m] = p;
                    to[m] = i;
                    m++;
                }
            }
        }
        int[] start = new int[n + 1];
        int[] succ = Csr.build(n, from, to, m, start);
        List<int[]> cycles = Cycles.find(n, start, succ, MAX_CYCLES);
        for (int[] cycle : cycles) {
            List<String> path = new ArrayList<>(cycle.length);
            for (int v : cycle) {
                path.add(tasks.get(v).id());
            }
            errors.add(new ValidationProblem(Kind.CYCLE, path, "dependencies form a cycle: "
                    + String.join(" -> ", path)));
        }
        disconnected(tasks, duplicate, from, to, m, warnings);
        missingHandlers(tasks, warnings);
        List<ValidationProblem> all = new ArrayList<>(errors);
        all.addAll(warnings);
        return new ValidationReport(wf.id(), all);
    }

    /** Groups of the graph as declared; a task repeating an earlier id is not a group of its own. */
    private static void disconnected(List<TaskSpec> tasks, boolean[] duplicate, int[] from, int[] to, int m,
                                     List<ValidationProblem> warnings) {
        int n = tasks.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < m; e++) {
            int a = root(parent, from[e]);
            int b = root(parent, to[e]);
            if (a != b) {
                // keep the smaller index as root so groups are named by their first task
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] size = new int[n];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (duplicate[i]) {
                continue;
            }
            int r = root(parent, i);
            if (size[r]++ == 0) {
                groups++;
            }
        }
        if (groups < 2) {
            return;
        }
        List<String> firsts = new ArrayList<>();
        StringBuilder sb = new StringBuilder("workflow falls apart into " + groups + " independent groups: ");
        for (int i = 0, shown = 0; i < n && shown < GROUPS_SHOWN; i++) {
            if (size[i] > 0) {
                firsts.add(tasks.get(i).id());
                sb.append(shown == 0 ? "" : ", ").append('\'').append(tasks.get(i).id()).append("' (")
                        .append(size[i]).append(size[i] == 1 ? " task)" : " tasks)");
                shown++;
            }
        }
        if (groups > GROUPS_SHOWN) {
            sb.append(", …");
        }
        warnings.add(new ValidationProblem(Kind.DISCONNECTED, firsts, sb.toString()));
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private void missingHandlers(List<TaskSpec> tasks, List<ValidationProblem> warnings) {
        Set<TaskType> seen = new HashSet<>();
        for (TaskSpec t : tasks) {
            if (seen.add(t.type()) && !hasHandler.test(t.type())) {
                warnings.add(new ValidationProblem(Kind.NO_HANDLER, List.of(t.id()), "no handler is registered"
                        + " for task type " + t.type() + " (first used by task '" + t.id() + "')"));
            }
        }
    }
}
