package dev.supervisor.core.graph;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.graph.internal.GraphArrays;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An immutable, index-based view of a workflow's dependency graph in compressed sparse row form: task {@code i}
 * is the i-th task of the workflow, and its successors are {@code successor(e)} for the positions {@code e} from
 * {@code successorStart(i)} to {@code successorEnd(i)} (likewise for predecessors). Duplicate edges are merged.
 * Building one costs two passes over the edges and no per-edge objects, which is what lets the engine start a
 * 1M-task run in milliseconds. The array accessors return copies.
 */
public final class TaskGraph {
    static {
        // The engine reads the arrays in its hot loops without copying them.
        GraphArrays.install(new GraphArrays.Access() {
            @Override
            public int[] successors(TaskGraph g) {
                return g.succ;
            }

            @Override
            public int[] predecessors(TaskGraph g) {
                return g.sharedPredecessors();
            }
        });
    }

    private final List<TaskSpec> tasks;
    private final IdIndex indexById;
    private final int[] succStart;
    private final int[] succ;
    private final int[] predStart;
    /** May run past the last edge (the validator's working array) until {@link #sharedPredecessors()} trims it. */
    private volatile int[] pred;
    private final int duplicateEdges;
    private volatile int[] topo; // computed once: the graph is immutable

    private TaskGraph(List<TaskSpec> tasks, IdIndex indexById, int[] succStart, int[] succ,
                      int[] predStart, int[] pred, int duplicateEdges) {
        this.tasks = tasks;
        this.indexById = indexById;
        this.succStart = succStart;
        this.succ = succ;
        this.predStart = predStart;
        this.pred = pred;
        this.duplicateEdges = duplicateEdges;
    }

    /**
     * Builds the graph of a workflow whose ids are unique and whose dependencies all exist (validate first).
     * Self-dependencies and cycles are kept as edges; {@link #topologicalOrder()} reports them.
     *
     * @param workflow the workflow
     * @return the graph
     * @throws IllegalArgumentException if an id is duplicated or a dependency is unknown
     */
    public static TaskGraph of(WorkflowSpec workflow) {
        List<TaskSpec> tasks = workflow.tasks();
        int n = tasks.size();
        IdIndex index = new IdIndex(tasks);
        for (int i = 0; i < n; i++) {
            if (index.putIfAbsent(tasks.get(i).id(), i) >= 0) {
                throw new IllegalArgumentException("duplicate task id '" + tasks.get(i).id() + "'");
            }
        }
        // Predecessor lists first (they come straight from the specs), deduplicated per task with a stamp array.
        int[] predStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            predStart[i + 1] = predStart[i] + tasks.get(i).dependencies().size();
        }
        int[] predRaw = new int[predStart[n]];
        int[] stamp = new int[n];
        Arrays.fill(stamp, -1);
        int[] compactStart = new int[n + 1];
        int w = 0;
        int duplicates = 0;
        for (int i = 0; i < n; i++) {
            compactStart[i] = w;
            List<Dependency> deps = tasks.get(i).dependencies();
            for (int k = 0, m = deps.size(); k < m; k++) {
                Dependency d = deps.get(k);
                int p = index.get(d.taskId());
                if (p < 0) {
                    throw new IllegalArgumentException("task '" + tasks.get(i).id()
                            + "' depends on unknown task '" + d.taskId() + "'");
                }
                if (stamp[p] == i) {
                    duplicates++;
                    continue;
                }
                stamp[p] = i;
                predRaw[w++] = p;
            }
        }
        compactStart[n] = w;
        int[] pred = Arrays.copyOf(predRaw, w);
        return fromPredecessors(tasks, index, compactStart, pred, duplicates);
    }

    /**
     * Completes a graph from predecessor lists grouped by task ({@code pred[predStart[i] .. predStart[i + 1])}).
     * The array may be longer than {@code predStart[n]}; the rest is ignored.
     */
    static TaskGraph fromPredecessors(List<TaskSpec> tasks, IdIndex index, int[] compactStart, int[] pred,
                                      int duplicates) {
        int[] succStart = new int[tasks.size() + 1];
        int[] succ = successors(tasks.size(), compactStart, pred, succStart);
        return new TaskGraph(tasks, index, succStart, succ, compactStart, pred, duplicates);
    }

    /**
     * Successor lists from gap-free predecessor lists: count, prefix-sum, fill. Each task's successors come out in
     * ascending index order.
     *
     * @param n number of tasks
     * @param predStart predecessor offsets (n + 1)
     * @param pred predecessor array
     * @param succStart zeroed, n + 1 long; filled with the successor offsets
     * @return the successor array
     */
    static int[] successors(int n, int[] predStart, int[] pred, int[] succStart) {
        int m = predStart[n];
        for (int e = 0; e < m; e++) {
            succStart[pred[e]]++;
        }
        for (int i = 1; i < n; i++) {
            succStart[i] += succStart[i - 1]; // where each list ends
        }
        succStart[n] = m;
        int[] succ = new int[m];
        // Filling each list backwards from its end leaves it in ascending order and its offset at its start,
        // without a separate array of write positions.
        for (int i = n - 1; i >= 0; i--) {
            for (int e = predStart[i + 1] - 1; e >= predStart[i]; e--) {
                succ[--succStart[pred[e]]] = i;
            }
        }
        return succ;
    }

    /** @return the shared successor offsets (n + 1); do not modify */
    int[] successorStarts() {
        return succStart;
    }

    /** @return number of tasks */
    public int size() {
        return tasks.size();
    }

    /** @return number of distinct edges */
    public int edgeCount() {
        return succ.length;
    }

    /** @return how many duplicate dependency declarations were merged */
    public int duplicateEdges() {
        return duplicateEdges;
    }

    /**
     * @param i a task index
     * @return that task's spec
     */
    public TaskSpec task(int i) {
        return tasks.get(i);
    }

    /**
     * @param i a task index
     * @return that task's id
     */
    public String id(int i) {
        return tasks.get(i).id();
    }

    /**
     * @param id a task id
     * @return its index, or -1 if absent
     */
    public int indexOf(String id) {
        return indexById.get(id);
    }

    /**
     * @param i a task index
     * @return first position of its successors ({@link #successor(int)})
     */
    public int successorStart(int i) {
        return succStart[i];
    }

    /**
     * @param i a task index
     * @return one past the last position of its successors
     */
    public int successorEnd(int i) {
        return succStart[i + 1];
    }

    /**
     * @param position a position from {@code successorStart(i)} to {@code successorEnd(i) - 1}
     * @return the task at that position of the successor lists
     */
    public int successor(int position) {
        return succ[position];
    }

    /**
     * @param i a task index
     * @return its distinct successors in ascending index order
     */
    public IntStream successors(int i) {
        return Arrays.stream(succ, succStart[i], succStart[i + 1]);
    }

    /**
     * @return a copy of the successor lists of every task, one after the other ({@link #edgeCount()} long)
     */
    public int[] successorArray() {
        return succ.clone();
    }

    /** @return the successor array itself, for this package; do not modify */
    int[] sharedSuccessors() {
        return succ;
    }

    /**
     * @param i a task index
     * @return first position of its predecessors ({@link #predecessor(int)})
     */
    public int predecessorStart(int i) {
        return predStart[i];
    }

    /**
     * @param i a task index
     * @return one past the last position of its predecessors
     */
    public int predecessorEnd(int i) {
        return predStart[i + 1];
    }

    /**
     * @param position a position from {@code predecessorStart(i)} to {@code predecessorEnd(i) - 1}
     * @return the task at that position of the predecessor lists
     */
    public int predecessor(int position) {
        return pred[position];
    }

    /**
     * @param i a task index
     * @return its distinct predecessors
     */
    public IntStream predecessors(int i) {
        return Arrays.stream(pred, predStart[i], predStart[i + 1]);
    }

    /**
     * @return a copy of the predecessor lists of every task, one after the other ({@link #edgeCount()} long)
     */
    public int[] predecessorArray() {
        return sharedPredecessors().clone();
    }

    /** @return the predecessor array itself, trimmed to its edges; do not modify */
    int[] sharedPredecessors() {
        int[] p = pred;
        int m = predStart[tasks.size()];
        if (p.length != m) {
            p = Arrays.copyOf(p, m); // racing callers make equal copies
            pred = p;
        }
        return p;
    }

    /**
     * @param i a task index
     * @return its number of distinct predecessors
     */
    public int inDegree(int i) {
        return predStart[i + 1] - predStart[i];
    }

    /**
     * @param i a task index
     * @return its number of distinct successors
     */
    public int outDegree(int i) {
        return succStart[i + 1] - succStart[i];
    }

    /**
     * Kahn's algorithm over the arrays. Among tasks that become ready together, lower indexes come first, so the
     * order is deterministic.
     *
     * @return task indexes in topological order, or null if the graph has a cycle
     */
    public int[] topologicalOrder() {
        int[] t = topo;
        if (t == null) {
            t = kahn();
            if (t == null) {
                return null;
            }
            topo = t;
        }
        return t.clone();
    }

    /** @return true if the graph has no cycle */
    public boolean isAcyclic() {
        return topo != null || topologicalOrder() != null;
    }

    private int[] kahn() {
        int n = size();
        int[] indeg = new int[n];
        for (int i = 0; i < n; i++) {
            indeg[i] = predStart[i + 1] - predStart[i];
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (indeg[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int v = order[head++];
            for (int e = succStart[v]; e < succStart[v + 1]; e++) {
                int s = succ[e];
                // Whether s is now ready is a coin toss for the branch predictor, so it is not a branch: s is written
                // at the tail either way and the tail moves past it only if it is ready. While an edge is left, some
                // task is not in the order yet, so the tail is inside the array.
                order[tail] = s;
                tail += (--indeg[s] - 1) >>> 31;
            }
        }
        return tail == n ? order : null;
    }
}
