package dev.supervisor.core.graph;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.core.ValidationProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * State of one validation: the id index and the predecessor lists as they are being built.
 *
 * <p>A million-task spec is a few hundred megabytes of objects and its ids hash all over a table larger than the CPU
 * caches, so the costs are memory traffic, not arithmetic: the specs are read once, the table is filled region by
 * region, and dependencies on recently declared tasks (the common case) are resolved without touching the table.
 * Only tasks with something to report, or with dependencies further away, are looked at again.
 */
final class Scan {
    private static final int MAX_RECENT_BITS = 15; // 128 KB: stays in a core's own cache
    private static final int SMALL_FAN_IN = 32;
    final List<TaskSpec> tasks;
    final int n;
    final Predicate<TaskType> hasHandler;
    final boolean failFast;
    final Findings findings;
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
    final List<ValidationProblem> handlerErrors = new ArrayList<>();
    /** Tasks meant to run after a failure, in a workflow that fails fast. */
    int[] failureTasks = new int[0];
    int failureTaskCount;
    /** Whether a task fans out: only then can an id clash with an instance's. */
    boolean fanOut;

    Scan(List<TaskSpec> tasks, Predicate<TaskType> hasHandler, boolean failFast, Findings findings) {
        this.tasks = tasks;
        this.n = tasks.size();
        this.hasHandler = hasHandler;
        this.failFast = failFast;
        this.findings = findings;
        hashes = new int[n];
        start = new int[n + 1];
        pred = new int[Math.max(16, 2 * n)];
    }

    /**
     * Reads every spec once: collects the hashes of the ids, checks handlers once per task type, notes the tasks
     * that FAIL_FAST would defeat and whether any task fans out, and resolves each dependency on a task
     * declared shortly before through a small direct-mapped cache of the latest ids, which stays in the CPU cache
     * (most workflows depend on recent tasks). A task with any other dependency (older, later, unknown, repeated)
     * is deferred whole to {@link #recheckDeferred}, which reports its problems in declaration order.
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
            int slot = (h * 0x9E3779B9) >>> recentShift;
            recent[slot] = i + 1;
            recentIds[slot] = id;
            checkHandler(t.type(), id);
            fanOut |= t.fanOut().isPresent();
            if (failFast && !t.teardown() && Findings.meantForFailures(t)) {
                failureTasks = add(failureTasks, failureTaskCount++, i);
            }
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

    /** @return true if all d dependencies of task i hit the cache, are not repeated, and went to pred[w..] */
    private boolean resolveRecent(List<Dependency> deps, int d, int i, int w, int[] recent, String[] recentIds,
                                  int recentShift) {
        int[] p = pred;
        int[] marks = d > SMALL_FAN_IN ? stamps() : null;
        for (int k = 0; k < d; k++) {
            String dep = deps.get(k).taskId();
            int h = dep.hashCode();
            int slot = (h * 0x9E3779B9) >>> recentShift;
            int v = recent[slot] - 1;
            if (v < 0) {
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
            errors.add(findings.repeatedId(id, (int) r, i));
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
                handlerErrors.add(findings.noHandler(type, id));
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

    private static int[] add(int[] a, int size, int v) {
        int[] b = size == a.length ? Arrays.copyOf(a, Math.max(8, size * 2)) : a;
        b[size] = v;
        return b;
    }

    /**
     * Reports the tasks that take the id of an instance of a fan-out task ({@code x[3]} while {@code x} fans out
     * to more than 3 instances): the instances could not be told apart from them.
     */
    void reservedIds() {
        for (int i = 0; fanOut && i < n; i++) {
            String id = tasks.get(i).id(); // read only here: the first pass needs the cached hash, not the text
            if (id.charAt(id.length() - 1) != ']') {
                continue;
            }
            int open = id.lastIndexOf('[');
            int p = index.get(id.substring(0, open));
            if (p >= 0) {
                var fanOut = tasks.get(p).fanOut();
                if (fanOut.isPresent() && Integer.parseInt(id, open + 1, id.length() - 1, 10)
                        < fanOut.get().maxWidth()) {
                    errors.add(findings.reservedId(id, tasks.get(p).id()));
                }
            }
        }
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
                if (p < 0) {
                    errors.add(findings.unknownDependency(t.id(), dep));
                } else if (many ? stamps()[p] == mark : contains(pred, base, base + count, p)) {
                    duplicates++;
                    warnings.add(findings.duplicateEdge(t.id(), dep));
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

    private static boolean contains(int[] a, int from, int to, int v) {
        for (int i = from; i < to; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }
}
