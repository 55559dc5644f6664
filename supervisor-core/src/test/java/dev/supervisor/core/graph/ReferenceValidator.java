package dev.supervisor.core.graph;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.ValidationProblem.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The validator as it was before the single-pass rewrite, kept as an oracle for the randomized comparison in
 * {@link WorkflowValidatorOracleTest}: a {@code HashMap} for ids, separate passes, no shortcuts. Reports problems
 * only (no graph).
 */
final class ReferenceValidator {
    private static final int GROUPS_SHOWN = 5;
    private static final int MAX_CYCLES = 100;
    private static final int PARALLEL_THRESHOLD = 200_000;
    private static final int CHUNK = 65_536;
    private static final int SMALL_FAN_IN = 32;
    private final Predicate<TaskType> hasHandler;

    ReferenceValidator(Predicate<TaskType> hasHandler) {
        this.hasHandler = hasHandler;
    }

    List<ValidationProblem> validate(WorkflowSpec wf) {
        List<TaskSpec> tasks = wf.tasks();
        int n = tasks.size();
        List<ValidationProblem> errors = new ArrayList<>();
        List<ValidationProblem> warnings = new ArrayList<>();
        if (n == 0) {
            errors.add(new ValidationProblem(Kind.EMPTY_WORKFLOW, List.of(), "workflow '" + wf.id()
                    + "' has no tasks"));
            return errors;
        }
        Map<String, Integer> index = new HashMap<>();
        boolean[] duplicate = new boolean[n];
        for (int i = 0; i < n; i++) {
            String id = tasks.get(i).id();
            Integer prev = index.putIfAbsent(id, i);
            if (prev != null) {
                duplicate[i] = true;
                errors.add(new ValidationProblem(Kind.DUPLICATE_ID, List.of(id), "task id '" + id
                        + "' is used by tasks #" + prev + " and #" + i));
            }
        }
        int[] declaredStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            declaredStart[i + 1] = declaredStart[i] + tasks.get(i).dependencies().size();
        }
        int[] slots = new int[declaredStart[n]];
        int[] accepted = new int[n];
        int chunks = n < PARALLEL_THRESHOLD ? 1 : (n + CHUNK - 1) / CHUNK;
        Resolved[] parts = new Resolved[chunks];
        // Resolving ids is bound by cache misses; chunks of tasks resolve independently, in parallel when large.
        IntStream range = IntStream.range(0, chunks);
        int chunkSize = chunks == 1 ? n : CHUNK;
        (chunks > 1 ? range.parallel() : range).forEach(c -> parts[c] = resolve(tasks, index, declaredStart, slots,
                accepted, c * chunkSize, Math.min(n, (c + 1) * chunkSize)));
        int duplicates = 0;
        for (Resolved r : parts) {
            errors.addAll(r.errors);
            warnings.addAll(r.warnings);
            duplicates += r.duplicates;
        }
        int[] predStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            predStart[i + 1] = predStart[i] + accepted[i];
        }
        int m = predStart[n];
        int[] pred = new int[m];
        int[] to = new int[m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(slots, declaredStart[i], pred, predStart[i], accepted[i]);
            Arrays.fill(to, predStart[i], predStart[i + 1], i);
        }
        int[] from = pred;
        boolean acyclic = false;
        if (!acyclic) {
            int[] start = new int[n + 1];
            for (int e = 0; e < m; e++) {
                start[from[e] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                start[i + 1] += start[i];
            }
            int[] fill = Arrays.copyOf(start, n);
            int[] succ = new int[m];
            for (int e = 0; e < m; e++) {
                succ[fill[from[e]]++] = to[e];
            }
            List<int[]> cycles = Cycles.find(n, start, succ, MAX_CYCLES);
            for (int[] cycle : cycles) {
                List<String> path = new ArrayList<>(cycle.length);
                for (int v : cycle) {
                    path.add(tasks.get(v).id());
                }
                errors.add(new ValidationProblem(Kind.CYCLE, path, "dependencies form a cycle: "
                        + String.join(" -> ", path)));
            }
        }
        disconnected(tasks, duplicate, from, to, m, warnings);
        missingHandlers(tasks, warnings);
        List<ValidationProblem> all = new ArrayList<>(errors);
        all.addAll(warnings);
        return all;
    }

    /** What one chunk of tasks found while resolving its dependencies. */
    private static final class Resolved {
        final List<ValidationProblem> errors = new ArrayList<>();
        final List<ValidationProblem> warnings = new ArrayList<>();
        int duplicates;
    }

    /**
     * Resolves the dependencies of tasks [from, to): accepted predecessor indexes go to {@code slots} at the task's
     * declared offset, their count to {@code accepted}. Writes only inside its own range, so chunks can run at once.
     */
    private static Resolved resolve(List<TaskSpec> tasks, Map<String, Integer> index, int[] declaredStart, int[] slots,
                                    int[] accepted, int from, int to) {
        Resolved r = new Resolved();
        java.util.Set<Integer> seen = null;
        for (int i = from; i < to; i++) {
            TaskSpec t = tasks.get(i);
            List<Dependency> deps = t.dependencies();
            int base = declaredStart[i];
            int count = 0;
            boolean many = deps.size() > SMALL_FAN_IN;
            if (many) {
                seen = new java.util.HashSet<>();
            }
            for (int k = 0; k < deps.size(); k++) {
                String dep = deps.get(k).taskId();
                int p = index.getOrDefault(dep, -1);
                if (dep.equals(t.id())) {
                    r.errors.add(new ValidationProblem(Kind.SELF_DEPENDENCY, List.of(t.id()), "task '" + t.id()
                            + "' depends on itself"));
                } else if (p < 0) {
                    r.errors.add(new ValidationProblem(Kind.UNKNOWN_DEPENDENCY, List.of(t.id(), dep), "task '"
                            + t.id() + "' depends on unknown task '" + dep + "'"));
                } else if (many ? !seen.add(p) : contains(slots, base, base + count, p)) {
                    r.duplicates++;
                    r.warnings.add(new ValidationProblem(Kind.DUPLICATE_EDGE, List.of(t.id(), dep), "task '"
                            + t.id() + "' declares its dependency on '" + dep + "' more than once; merged"));
                } else {
                    slots[base + count++] = p;
                }
            }
            accepted[i] = count;
        }
        return r;
    }

    private static boolean contains(int[] a, int from, int to, int v) {
        for (int i = from; i < to; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

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
