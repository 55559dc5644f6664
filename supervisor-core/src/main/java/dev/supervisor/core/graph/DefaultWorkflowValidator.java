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
 * <p>A million-task spec is a few hundred megabytes of objects and its ids hash all over a table larger than the CPU
 * caches, so the costs are memory traffic, not arithmetic: the specs are read once, the table is filled region by
 * region, and dependencies on recently declared tasks (the common case) are resolved without touching the table.
 * Only tasks with something to report, or with dependencies further away, are looked at again.
 */
final class DefaultWorkflowValidator implements WorkflowValidator {
    private static final int GROUPS_SHOWN = 5;
    private static final int MAX_CYCLES = 100;
    private static final int SMALL_FAN_IN = 32;
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
        scan.indexIds();
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
            List<int[]> cycles = Cycles.find(n, succStart, succ, MAX_CYCLES);
            acyclic = cycles.isEmpty();
            for (int[] cycle : cycles) {
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
        disconnected(tasks, scan.duplicate, predStart, pred, acyclic, all);
        all.addAll(scan.handlerWarnings);
        return new ValidationReport(wf.id(), all, graph);
    }

    /** State of one validation: the id index and the predecessor lists as they are being built. */
    private static final class Scan {
        private static final int MAX_RECENT_BITS = 15; // 128 KB: stays in a core's own cache
        final List<TaskSpec> tasks;
        final int n;
        final Predicate<TaskType> hasHandler;
        final int[] hashes;
        IdIndex index;
        /** Which tasks repeat an earlier task's id; null when none does. */
        boolean[] duplicate;
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
        final List<ValidationProblem> errors = new ArrayList<>();
        final List<ValidationProblem> warnings = new ArrayList<>();
        final List<ValidationProblem> handlerWarnings = new ArrayList<>();

        Scan(List<TaskSpec> tasks, Predicate<TaskType> hasHandler) {
            this.tasks = tasks;
            this.n = tasks.size();
            this.hasHandler = hasHandler;
            hashes = new int[n];
            start = new int[n + 1];
            pred = new int[Math.max(16, 2 * n)];
        }

        /**
         * Reads every spec once: collects the hashes of the ids, checks handlers once per task type, and resolves
         * each dependency on a task declared shortly before through a small direct-mapped cache of the latest ids,
         * which stays in the CPU cache (most workflows depend on recent tasks). A task with any other dependency
         * (older, later, unknown, itself, repeated) is deferred whole to {@link #recheckDeferred}, which reports its
         * problems in declaration order.
         *
         * <p>Until the ids are all indexed nobody knows whether an id repeats, so the cache maps an id to its latest
         * task; {@link #indexIds} then defers the tasks that depend on a repeated id.
         */
        void firstPass() {
            int bits = Math.min(MAX_RECENT_BITS, 33 - Integer.numberOfLeadingZeros(n));
            int[] recent = new int[1 << bits]; // task index + 1, 0 when empty
            // The ids themselves sit beside it: a small array allocated just now, so the stores into it are cheap
            // for the garbage collector, and a hit is verified without going through the task's spec.
            String[] recentIds = new String[1 << bits];
            int recentShift = 32 - bits;
            int[] hashes = this.hashes;
            int w = 0;
            for (int i = 0; i < n; i++) {
                TaskSpec t = tasks.get(i);
                String id = t.id();
                int h = id.hashCode();
                hashes[i] = h;
                // before its dependencies, so that one on itself hits i
                int slot = (h * 0x9E3779B9) >>> recentShift;
                recent[slot] = i + 1;
                recentIds[slot] = id;
                checkHandler(t.type(), id);
                List<Dependency> deps = t.dependencies();
                int d = deps.size();
                start[i] = w;
                if (w + d > pred.length) {
                    pred = Arrays.copyOf(pred, Math.max(w + d, pred.length + (pred.length >> 1)));
                }
                if (!resolveRecent(deps, d, i, w, recent, recentIds, recentShift)) {
                    defer(i); // its d slots stay reserved; compact() closes what it does not keep
                }
                w += d;
            }
            start[n] = w;
            size = w;
        }

        /** @return true if all d dependencies of task i hit the cache, are not i nor repeated, and went to pred[w..] */
        private boolean resolveRecent(List<Dependency> deps, int d, int i, int w, int[] recent, String[] recentIds,
                                      int recentShift) {
            int[] p = pred;
            int[] marks = d > SMALL_FAN_IN ? stamps() : null;
            for (int k = 0; k < d; k++) {
                String dep = deps.get(k).taskId();
                int h = dep.hashCode();
                int slot = (h * 0x9E3779B9) >>> recentShift;
                int v = recent[slot] - 1;
                if (v < 0 || v == i) {
                    return false;
                }
                String id = recentIds[slot];
                if (id != dep && (id.hashCode() != h || !id.equals(dep))) {
                    return false;
                }
                if (marks == null ? contains(p, w, w + k, v) : marks[v] == i) {
                    return false;
                }
                if (marks != null) {
                    marks[v] = i;
                }
                p[w + k] = v;
            }
            return true;
        }

        /**
         * Indexes all ids, reports repeated ones, and defers the tasks that the first pass resolved to a repeated id
         * (the cache may have picked a later occurrence; the first is the one that counts).
         */
        void indexIds() {
            index = IdIndex.build(tasks, hashes);
            long[] repeats = index.repeats();
            if (repeats.length == 0) {
                return;
            }
            duplicate = new boolean[n];
            for (long r : repeats) {
                int i = (int) (r >>> 32);
                String id = tasks.get(i).id();
                duplicate[i] = true;
                errors.add(new ValidationProblem(Kind.DUPLICATE_ID, List.of(id), "task id '" + id
                        + "' is used by tasks #" + (int) r + " and #" + i));
            }
            int[] was = Arrays.copyOf(deferred, deferredCount);
            deferredCount = 0;
            for (int i = 0, j = 0; i < n; i++) {
                boolean again = j < was.length && was[j] == i;
                if (again) {
                    j++;
                } else {
                    for (int e = start[i]; e < start[i + 1] && !again; e++) {
                        again = duplicate[pred[e]];
                    }
                }
                if (again) {
                    defer(i);
                }
            }
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
            return pred; // the graph trims it if anyone asks for the array itself
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

    /**
     * Groups of the graph as declared; a task repeating an earlier id (marked in {@code duplicate}, null if none) is
     * not a group of its own.
     */
    private static void disconnected(List<TaskSpec> tasks, boolean[] duplicate, int[] predStart, int[] pred,
                                     boolean acyclic, List<ValidationProblem> warnings) {
        int n = tasks.size();
        if (acyclic) {
            // Following predecessors from any task ends at a task without any: with one such task, one group.
            int sources = 0;
            for (int i = 0; i < n && sources < 2; i++) {
                if (predStart[i] == predStart[i + 1]) {
                    sources++;
                }
            }
            if (sources < 2) {
                return;
            }
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int b = root(parent, i);
            for (int e = predStart[i]; e < predStart[i + 1]; e++) {
                int a = root(parent, pred[e]);
                if (a != b) {
                    // keep the smaller index as root so groups are named by their first task
                    parent[Math.max(a, b)] = Math.min(a, b);
                    b = Math.min(a, b);
                }
            }
        }
        // Parents have lower indexes than their children, so one ascending sweep points every task at its root.
        for (int i = 0; i < n; i++) {
            parent[i] = parent[parent[i]];
        }
        // A root that has a member counted holds -1 - (its group's size) from then on.
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (duplicate == null || !duplicate[i]) {
                int r = parent[i];
                if (parent[r] >= 0) {
                    parent[r] = -1;
                    groups++;
                }
                parent[r]--;
            }
        }
        if (groups < 2) {
            return;
        }
        List<String> firsts = new ArrayList<>();
        StringBuilder sb = new StringBuilder("workflow falls apart into " + groups + " independent groups: ");
        for (int i = 0, shown = 0; i < n && shown < GROUPS_SHOWN; i++) {
            if (parent[i] < 0) {
                int size = -1 - parent[i];
                firsts.add(tasks.get(i).id());
                sb.append(shown == 0 ? "" : ", ").append('\'').append(tasks.get(i).id()).append("' (")
                        .append(size).append(size == 1 ? " task)" : " tasks)");
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
