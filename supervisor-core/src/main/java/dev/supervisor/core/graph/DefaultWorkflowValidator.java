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

/**
 * Array-based checks; see {@link WorkflowValidator}.
 *
 * <p>A million-task spec is a few hundred megabytes of objects, so walking it is the main cost: one pass indexes
 * each id and, for the common case of dependencies declared before their dependents, resolves its dependencies at
 * once. Only tasks with something to report (or a forward reference) are looked at again, after the pass.
 */
final class DefaultWorkflowValidator implements WorkflowValidator {
    private static final int GROUPS_SHOWN = 5;
    private static final int MAX_CYCLES = 100;
    private static final int SMALL_FAN_IN = 32;
    private static final int BLOCK = 128;
    private final Predicate<TaskType> hasHandler;

    DefaultWorkflowValidator(Predicate<TaskType> hasHandler) {
        this.hasHandler = hasHandler;
    }

    @Override
    public ValidationReport validate(WorkflowSpec wf) {
        List<TaskSpec> tasks = wf.tasks();
        int n = tasks.size();
        if (n == 0) {
            return new ValidationReport(wf.id(), List.of(new ValidationProblem(Kind.EMPTY_WORKFLOW, List.of(),
                    "workflow '" + wf.id() + "' has no tasks")), null);
        }
        Scan scan = new Scan(tasks, hasHandler);
        scan.firstPass();
        scan.recheckDeferred();
        int[] predStart = scan.start;
        int[] pred = scan.compact();
        List<ValidationProblem> errors = scan.errors;
        TaskGraph graph = null;
        boolean acyclic = !scan.forward; // every edge points back in declaration order: no cycle possible
        if (errors.isEmpty()) {
            graph = TaskGraph.fromPredecessors(tasks, scan.index, predStart, pred, scan.duplicates);
            acyclic = acyclic || graph.isAcyclic();
        }
        if (!acyclic) {
            int[] succStart = graph != null ? graph.successorStarts() : new int[n + 1];
            int[] succ = graph != null ? graph.successorArray() : TaskGraph.successors(n, predStart, pred, succStart);
            for (int[] cycle : Cycles.find(n, succStart, succ, MAX_CYCLES)) {
                List<String> path = new ArrayList<>(cycle.length);
                for (int v : cycle) {
                    path.add(tasks.get(v).id());
                }
                errors.add(new ValidationProblem(Kind.CYCLE, path, "dependencies form a cycle: "
                        + String.join(" -> ", path)));
            }
        }
        List<ValidationProblem> all = new ArrayList<>(errors);
        all.addAll(scan.warnings);
        disconnected(tasks, scan.duplicate, predStart, pred, all);
        all.addAll(scan.handlerWarnings);
        return new ValidationReport(wf.id(), all, graph);
    }

    /** State of one validation: the id index and the predecessor lists as they are being built. */
    private static final class Scan {
        final List<TaskSpec> tasks;
        final int n;
        final Predicate<TaskType> hasHandler;
        final IdIndex index;
        final boolean[] duplicate;
        /** Where each task's predecessors begin in {@link #pred}; the lists are gap-free after {@link #compact}. */
        final int[] start;
        int[] pred;
        int size;
        /** Tasks whose dependencies are resolved after the first pass, in task order, and how many they kept. */
        int[] deferred = new int[16];
        int[] kept = new int[16];
        int deferredCount;
        /** Per-task marks for deduplicating long dependency lists, allocated on first need. */
        int[] stamp;
        boolean forward;
        int duplicates;
        final Set<TaskType> types = new HashSet<>();
        TaskType lastType;
        /** Keeps the touched slots observable. */
        long sink;
        final List<ValidationProblem> errors = new ArrayList<>();
        final List<ValidationProblem> warnings = new ArrayList<>();
        final List<ValidationProblem> handlerWarnings = new ArrayList<>();

        Scan(List<TaskSpec> tasks, Predicate<TaskType> hasHandler) {
            this.tasks = tasks;
            this.n = tasks.size();
            this.hasHandler = hasHandler;
            index = new IdIndex(n);
            duplicate = new boolean[n];
            start = new int[n + 1];
            pred = new int[Math.max(16, 2 * n)];
        }

        /**
         * Indexes every id and reports duplicates, checks handlers once per task type, and resolves dependencies
         * on tasks already indexed. A task with any other dependency is deferred whole, so its problems are reported
         * in declaration order by {@link #recheckDeferred}.
         *
         * <p>Tasks go in blocks: first the block's specs are read and the hash slots where its ids will go are
         * touched, then its ids are put, then its dependencies are resolved. Reading slots in a tight loop of
         * independent loads lets their cache misses overlap; probing as we go would wait for each in turn.
         */
        void firstPass() {
            int w = 0;
            int[] own = new int[BLOCK];
            int[] degree = new int[BLOCK];
            String[] depIds = new String[BLOCK * 4];
            long touched = 0;
            for (int b0 = 0; b0 < n; b0 += BLOCK) {
                int b1 = Math.min(n, b0 + BLOCK);
                int q = 0;
                for (int i = b0; i < b1; i++) {
                    TaskSpec t = tasks.get(i);
                    String id = t.id();
                    touched ^= index.touch(id);
                    checkHandler(t.type(), id);
                    List<Dependency> deps = t.dependencies();
                    int d = deps.size();
                    degree[i - b0] = d;
                    if (q + d > depIds.length) {
                        depIds = Arrays.copyOf(depIds, Math.max(q + d, depIds.length * 2));
                    }
                    for (int k = 0; k < d; k++) {
                        String dep = deps.get(k).taskId();
                        depIds[q++] = dep;
                    }
                    own[i - b0] = i;
                }
                for (int i = b0; i < b1; i++) {
                    String id = tasks.get(i).id();
                    int first = index.putIfAbsent(id, i);
                    if (first >= 0) {
                        own[i - b0] = first;
                        duplicate[i] = true;
                        errors.add(new ValidationProblem(Kind.DUPLICATE_ID, List.of(id), "task id '" + id
                                + "' is used by tasks #" + first + " and #" + i));
                    }
                }
                q = 0;
                for (int i = b0; i < b1; i++) {
                    int d = degree[i - b0];
                    start[i] = w;
                    if (w + d > pred.length) {
                        pred = Arrays.copyOf(pred, Math.max(w + d, pred.length + (pred.length >> 1)));
                    }
                    int accepted = d <= SMALL_FAN_IN ? resolveSmall(depIds, q, d, own[i - b0], i, w)
                            : resolveLarge(depIds, q, d, own[i - b0], i, w);
                    q += d;
                    if (accepted < 0) {
                        defer(i);
                        w += d; // room for every declared dependency; compact() closes what stays unused
                    } else {
                        w += accepted;
                    }
                }
                Arrays.fill(depIds, 0, q, null);
            }
            start[n] = w;
            size = w;
            sink = touched;
        }

        private void checkHandler(TaskType type, String id) {
            if (type != lastType) { // runs of one type are common; the set is the slow way
                lastType = type;
                if (types.add(type) && !hasHandler.test(type)) {
                    handlerWarnings.add(new ValidationProblem(Kind.NO_HANDLER, List.of(id), "no handler is"
                            + " registered for task type " + type + " (first used by task '" + id + "')"));
                }
            }
        }

        /**
         * Resolves the {@code d} dependencies {@code depIds[q ..]} of task i into {@code pred[w ..]}.
         *
         * @return how many were written, or -1 if the task must be deferred (unknown so far, itself, or repeated)
         */
        private int resolveSmall(String[] depIds, int q, int d, int own, int i, int w) {
            int[] p = pred;
            for (int k = 0; k < d; k++) {
                int v = index.get(depIds[q + k]);
                if (v < 0 || v == own || contains(p, w, w + k, v)) {
                    return -1;
                }
                forward |= v > i; // a later task of the same block
                p[w + k] = v;
            }
            return d;
        }

        private int resolveLarge(String[] depIds, int q, int d, int own, int i, int w) {
            int[] marks = stamps();
            for (int k = 0; k < d; k++) {
                int v = index.get(depIds[q + k]);
                if (v < 0 || v == own || marks[v] == i) {
                    return -1;
                }
                forward |= v > i;
                marks[v] = i;
                pred[w + k] = v;
            }
            return d;
        }

        private int[] stamps() {
            if (stamp == null) {
                stamp = new int[n];
                Arrays.fill(stamp, -1);
            }
            return stamp;
        }

        private void defer(int i) {
            if (deferredCount == deferred.length) {
                deferred = Arrays.copyOf(deferred, deferredCount * 2);
                kept = Arrays.copyOf(kept, deferredCount * 2);
            }
            deferred[deferredCount++] = i;
        }

        /** Resolves the deferred tasks against the complete index, reporting their problems in task order. */
        void recheckDeferred() {
            for (int j = 0; j < deferredCount; j++) {
                int i = deferred[j];
                TaskSpec t = tasks.get(i);
                List<Dependency> deps = t.dependencies();
                int base = start[i];
                int count = 0;
                boolean many = deps.size() > SMALL_FAN_IN;
                int mark = -2 - i; // differs from the marks an abandoned first attempt left for this task
                for (int k = 0; k < deps.size(); k++) {
                    String dep = deps.get(k).taskId();
                    int p = index.get(dep);
                    if (dep.equals(t.id())) {
                        errors.add(new ValidationProblem(Kind.SELF_DEPENDENCY, List.of(t.id()), "task '" + t.id()
                                + "' depends on itself"));
                    } else if (p < 0) {
                        errors.add(new ValidationProblem(Kind.UNKNOWN_DEPENDENCY, List.of(t.id(), dep), "task '"
                                + t.id() + "' depends on unknown task '" + dep + "'"));
                    } else if (many ? stamps()[p] == mark : contains(pred, base, base + count, p)) {
                        duplicates++;
                        warnings.add(new ValidationProblem(Kind.DUPLICATE_EDGE, List.of(t.id(), dep), "task '"
                                + t.id() + "' declares its dependency on '" + dep + "' more than once; merged"));
                    } else {
                        if (many) {
                            stamp[p] = mark;
                        }
                        forward |= p > i;
                        pred[base + count++] = p;
                    }
                }
                kept[j] = count;
            }
        }

        /** Closes the gaps left by deferred tasks that kept fewer edges than they declared; fixes {@link #start}. */
        int[] compact() {
            int removed = 0;
            for (int j = 0; j < deferredCount; j++) {
                int i = deferred[j];
                int next = j + 1 < deferredCount ? deferred[j + 1] : n;
                int from = start[i];
                int to = start[i + 1];
                if (removed > 0) {
                    System.arraycopy(pred, from, pred, from - removed, kept[j]);
                }
                start[i] = from - removed;
                removed += to - from - kept[j];
                if (removed > 0) {
                    // the tasks up to the next deferred one kept every edge: they move as one block
                    System.arraycopy(pred, to, pred, to - removed, start[next] - to);
                    for (int v = i + 1; v < next; v++) {
                        start[v] -= removed;
                    }
                }
            }
            start[n] -= removed;
            size -= removed;
            return size == pred.length ? pred : Arrays.copyOf(pred, size);
        }
    }

    private static boolean contains(int[] a, int from, int to, int v) {
        for (int i = from; i < to; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    /** Groups of the graph as declared; a task repeating an earlier id is not a group of its own. */
    private static void disconnected(List<TaskSpec> tasks, boolean[] duplicate, int[] predStart, int[] pred,
                                     List<ValidationProblem> warnings) {
        int n = tasks.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int e = predStart[i]; e < predStart[i + 1]; e++) {
                int a = root(parent, pred[e]);
                int b = root(parent, i);
                if (a != b) {
                    // keep the smaller index as root so groups are named by their first task
                    parent[Math.max(a, b)] = Math.min(a, b);
                }
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
}
