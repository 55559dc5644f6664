package dev.supervisor.core.graph;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.ValidationProblem.Kind;
import dev.supervisor.core.graph.internal.Finding;
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
 * A plain validator, the oracle of the randomized comparison in {@link WorkflowValidatorOracleTest}: a
 * {@code HashMap} for ids, separate passes, no shortcuts, suggestions by a full Damerau–Levenshtein (optimal string
 * alignment) table, and its own wording of every message. Reports problems only (no graph).
 */
final class ReferenceValidator {
    private static final int GROUPS_SHOWN = 5;
    private static final int MAX_CYCLES = 100;
    private static final int PARALLEL_THRESHOLD = 200_000;
    private static final int CHUNK = 65_536;
    private static final int SMALL_FAN_IN = 32;
    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("(.*)\\[([0-9]+)]");
    private final Predicate<TaskType> hasHandler;
    private final List<String> knownTypes;

    /**
     * @param hasHandler which types have a handler
     * @param knownTypes the names of the types suggested for those without, in order; empty for no suggestions
     */
    ReferenceValidator(Predicate<TaskType> hasHandler, List<String> knownTypes) {
        this.hasHandler = hasHandler;
        this.knownTypes = knownTypes;
    }

    List<ValidationProblem> validate(WorkflowSpec wf) {
        return validate(wf.id(), wf.failureStrategy(), wf.tasks());
    }

    List<ValidationProblem> validate(String workflowId, FailureStrategy strategy, List<TaskSpec> tasks) {
        int n = tasks.size();
        List<ValidationProblem> errors = new ArrayList<>();
        List<ValidationProblem> warnings = new ArrayList<>();
        if (n == 0) {
            errors.add(new Finding(Kind.EMPTY_WORKFLOW, List.of(), "workflow '" + workflowId
                    + "' has no tasks; add at least one"));
            return errors;
        }
        Map<String, Integer> index = new HashMap<>();
        boolean[] duplicate = new boolean[n];
        for (int i = 0; i < n; i++) {
            String id = tasks.get(i).id();
            Integer prev = index.putIfAbsent(id, i);
            if (prev != null) {
                duplicate[i] = true;
                errors.add(new Finding(Kind.DUPLICATE_ID, List.of(id), "task id '" + id
                        + "' is used by tasks #" + prev + " and #" + i + "; give each task its own id"));
            }
        }
        for (TaskSpec t : tasks) {
            java.util.regex.Matcher m = INDEXED.matcher(t.id());
            if (m.matches() && index.containsKey(m.group(1))) {
                TaskSpec base = tasks.get(index.get(m.group(1)));
                if (base.fanOut().isPresent() && Integer.parseInt(m.group(2)) < base.fanOut().get().maxWidth()) {
                    errors.add(new Finding(Kind.DUPLICATE_ID, List.of(t.id()), "task id '" + t.id()
                            + "' is reserved for an instance of fan-out task '" + base.id() + "'; rename the task"));
                }
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
        Map<String, String> suggestions = new HashMap<>();
        List<String> ids = tasks.stream().map(TaskSpec::id).toList();
        for (Resolved r : parts) {
            for (String[] unknown : r.unknown) {
                String dep = unknown[1];
                if (!suggestions.containsKey(dep) && suggestions.size() < Math.max(1, Math.min(10, 1_000_000 / n))) {
                    suggestions.put(dep, closest(dep, ids));
                }
                String s = suggestions.get(dep);
                errors.add(new Finding(Kind.UNKNOWN_DEPENDENCY, List.of(unknown[0], dep), "task '"
                        + unknown[0] + "' depends on '" + dep + "', which is not in workflow '" + workflowId + "'"
                        + (s == null ? "; add a task '" + dep + "' or remove the dependency"
                        : "; did you mean '" + s + "'?")));
            }
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
                errors.add(new Finding(Kind.CYCLE, path, "dependencies form a cycle: "
                        + String.join(" -> ", path) + "; remove one of these dependencies"));
            }
        }
        missingHandlers(tasks, errors);
        disconnected(tasks, duplicate, from, to, m, warnings);
        if (strategy == FailureStrategy.FAIL_FAST) {
            failFast(workflowId, tasks, warnings);
        }
        List<ValidationProblem> all = new ArrayList<>(errors);
        all.addAll(warnings);
        return all;
    }

    private static void failFast(String workflowId, List<TaskSpec> tasks, List<ValidationProblem> warnings) {
        Set<TriggerRule> rules = java.util.EnumSet.of(TriggerRule.ALL_DONE, TriggerRule.ALL_DONE_MIN_ONE_SUCCESS,
                TriggerRule.ONE_FAILED, TriggerRule.ALL_FAILED);
        List<String> ids = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (TaskSpec t : tasks) {
            Dependency edge = t.dependencies().stream().filter(d -> d.condition().kind() == EdgeCondition.Kind.FAILURE
                    || d.condition().kind() == EdgeCondition.Kind.COMPLETION).findFirst().orElse(null);
            if (!t.teardown() && (rules.contains(t.triggerRule()) || edge != null)) {
                ids.add(t.id());
                reasons.add("'" + t.id() + "' (" + (rules.contains(t.triggerRule()) ? "trigger rule "
                        + t.triggerRule() : edge.condition().kind() + " edge from '" + edge.taskId() + "'") + ")");
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        String shown = String.join(", ", reasons.subList(0, Math.min(5, reasons.size())))
                + (ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "");
        warnings.add(new Finding(Kind.SKIPPED_BY_FAIL_FAST, ids, "workflow '" + workflowId + "' fails fast"
                + " (FAIL_FAST, the default), so after a failure it skips " + shown + (ids.size() == 1 ? ", which is"
                : ", which are") + " meant to run after a failure; use failureStrategy(CONTINUE), or mark "
                + (ids.size() == 1 ? "it" : "them") + " teardown(true) to run even after a fail-fast"));
    }

    /** The first of the closest candidates, by a full optimal-string-alignment table; null beyond the cut-off. */
    static String closest(String typed, List<String> candidates) {
        int longest = candidates.stream().mapToInt(String::length).max().orElse(0);
        int[][] table = new int[typed.length() + 1][longest + 1];
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int shorter = Math.min(typed.length(), c.length());
            int cutOff = shorter <= 2 ? 0 : shorter <= 5 ? 1 : 2;
            if (Math.abs(typed.length() - c.length()) > cutOff) {
                continue; // the distance is at least the difference in length
            }
            int d = osa(typed, c, table);
            if (d <= cutOff && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    static int osa(String a, String b) {
        return osa(a, b, new int[a.length() + 1][b.length() + 1]);
    }

    /** Every cell of the table for a and b, in a table at least that large. */
    private static int osa(String as, String bs, int[][] d) {
        char[] a = as.toCharArray();
        char[] b = bs.toCharArray();
        for (int i = 0; i <= a.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length][b.length];
    }

    /** What one chunk of tasks found while resolving its dependencies. */
    private static final class Resolved {
        /** (task, unknown dependency) pairs in task order. */
        final List<String[]> unknown = new ArrayList<>();
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
                if (p < 0) {
                    r.unknown.add(new String[] {t.id(), dep});
                } else if (many ? !seen.add(p) : contains(slots, base, base + count, p)) {
                    r.duplicates++;
                    r.warnings.add(new Finding(Kind.DUPLICATE_EDGE, List.of(t.id(), dep), "task '"
                            + t.id() + "' declares its dependency on '" + dep + "' more than once; it counts once,"
                            + " declare it once"));
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
        sb.append("; if they belong together, add the dependencies between them, else run them as separate"
                + " workflows");
        warnings.add(new Finding(Kind.DISCONNECTED, firsts, sb.toString()));
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private void missingHandlers(List<TaskSpec> tasks, List<ValidationProblem> errors) {
        Set<TaskType> seen = new HashSet<>();
        for (TaskSpec t : tasks) {
            if (seen.add(t.type()) && !hasHandler.test(t.type())) {
                String s = closest(t.type().name(), knownTypes);
                errors.add(new Finding(Kind.NO_HANDLER, List.of(t.id()), "no handler is registered"
                        + " for task type '" + t.type() + "' (first used by task '" + t.id() + "')" + (s == null
                        ? "; register a handler for it or change the type" : "; did you mean '" + s + "'?")));
            }
        }
    }
}
