package dev.supervisor.core.graph;

import dev.supervisor.api.WorkflowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Static analysis of a valid workflow from its estimated durations: topological levels, the critical path with
 * earliest/latest start and slack per task, and parallelism figures. Computed in a few linear passes over the
 * compact graph (a million tasks take milliseconds). Immutable.
 */
public final class WorkflowAnalysis {
    private final TaskGraph graph;
    private final int[] order;
    private final int[] level;
    private final long[] dur;
    private final long[] est;
    private final long[] lst;
    private final long makespan;
    private final long sequential;
    private final int maxWidth;
    private final int levelCount;
    private final List<String> criticalPath;

    private WorkflowAnalysis(TaskGraph g, int[] order) {
        this.graph = g;
        this.order = order;
        int n = g.size();
        int[] succ = g.sharedSuccessors();
        dur = new long[n];
        level = new int[n];
        est = new long[n];
        lst = new long[n];
        long seq = 0;
        for (int i = 0; i < n; i++) {
            dur[i] = g.task(i).estimatedDuration().toNanos();
            seq = Math.addExact(seq, dur[i]);
        }
        sequential = seq;
        long end = 0;
        int levels = 0;
        for (int v : order) {
            long finish = est[v] + dur[v];
            end = Math.max(end, finish);
            levels = Math.max(levels, level[v] + 1);
            for (int e = g.successorStart(v); e < g.successorEnd(v); e++) {
                int s = succ[e];
                est[s] = Math.max(est[s], finish);
                level[s] = Math.max(level[s], level[v] + 1);
            }
        }
        makespan = end;
        levelCount = n == 0 ? 0 : levels;
        for (int k = n - 1; k >= 0; k--) {
            int v = order[k];
            long latestFinish = makespan;
            for (int e = g.successorStart(v); e < g.successorEnd(v); e++) {
                latestFinish = Math.min(latestFinish, lst[succ[e]]);
            }
            lst[v] = latestFinish - dur[v];
        }
        int[] width = new int[Math.max(1, levelCount)];
        int widest = 0;
        for (int i = 0; i < n; i++) {
            widest = Math.max(widest, ++width[level[i]]);
        }
        maxWidth = widest;
        criticalPath = walkCriticalPath();
    }

    /**
     * @param graph a graph without cycles
     * @return its analysis
     * @throws IllegalArgumentException if the graph has a cycle (validate first)
     */
    public static WorkflowAnalysis of(TaskGraph graph) {
        int[] order = graph.topologicalOrder();
        if (order == null) {
            throw new IllegalArgumentException("the workflow has a cycle; validate it first to see where");
        }
        return new WorkflowAnalysis(graph, order);
    }

    /**
     * @param workflow a valid workflow
     * @return its analysis
     * @throws IllegalArgumentException if it has duplicate ids, unknown dependencies or a cycle
     */
    public static WorkflowAnalysis of(WorkflowSpec workflow) {
        return of(TaskGraph.of(workflow));
    }

    /** Follows zero-slack tasks from a zero-slack root, always to the lowest-index zero-slack successor. */
    private List<String> walkCriticalPath() {
        int n = graph.size();
        int v = -1;
        for (int i = 0; i < n && v < 0; i++) {
            if (graph.inDegree(i) == 0 && lst[i] == est[i]) {
                v = i;
            }
        }
        List<String> path = new ArrayList<>();
        int[] succ = graph.sharedSuccessors();
        while (v >= 0) {
            path.add(graph.id(v));
            int next = -1;
            long finish = est[v] + dur[v];
            for (int e = graph.successorStart(v); e < graph.successorEnd(v); e++) {
                int s = succ[e];
                if (lst[s] == est[s] && est[s] == finish && (next < 0 || s < next)) {
                    next = s;
                }
            }
            v = next;
        }
        return Collections.unmodifiableList(path);
    }

    /** @return the graph analysed */
    public TaskGraph graph() {
        return graph;
    }

    /** @return task indexes in a topological order (lower index first among tasks ready together) */
    public int[] topologicalOrder() {
        return order.clone();
    }

    /** @return number of topological levels */
    public int levelCount() {
        return levelCount;
    }

    /** @return the task ids of each level, level 0 first, in task order within a level */
    public List<List<String>> levels() {
        List<List<String>> out = new ArrayList<>(levelCount);
        for (int l = 0; l < levelCount; l++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < graph.size(); i++) {
            out.get(level[i]).add(graph.id(i));
        }
        return out.stream().map(Collections::unmodifiableList).toList();
    }

    /** @return the critical path: task ids whose delay delays the whole run, in order */
    public List<String> criticalPath() {
        return criticalPath;
    }

    /** @return the run's duration with unlimited parallelism (the critical-path length), a lower bound */
    public Duration criticalPathDuration() {
        return Duration.ofNanos(makespan);
    }

    /** @return the sum of all estimated durations (the run's duration with one worker) */
    public Duration sequentialDuration() {
        return Duration.ofNanos(sequential);
    }

    /** @return the widest level: how many tasks can run at once on the level structure */
    public int maxWidth() {
        return maxWidth;
    }

    /** @return sequential / critical-path duration: no number of workers can speed the run up more (1 if zero) */
    public double speedupBound() {
        return makespan == 0 ? 1.0 : (double) sequential / makespan;
    }

    /**
     * @param taskId a task id
     * @return its schedule figures
     * @throws IllegalArgumentException if there is no such task
     */
    public TaskTiming timing(String taskId) {
        int i = graph.indexOf(taskId);
        if (i < 0) {
            throw new IllegalArgumentException("no task '" + taskId + "' in workflow");
        }
        return timing(i);
    }

    /**
     * @param index a task index
     * @return its schedule figures
     */
    public TaskTiming timing(int index) {
        return new Timing(graph.id(index), level[index], Duration.ofNanos(dur[index]),
                Duration.ofNanos(est[index]), Duration.ofNanos(lst[index]), Duration.ofNanos(lst[index] - est[index]));
    }

    /**
     * @param index a task index
     * @return the longest estimated path from this task to the end, the task included (ready-queue rank)
     */
    public long remainingWorkNanos(int index) {
        return makespan - lst[index];
    }

    private record Timing(String taskId, int level, Duration duration, Duration earliestStart, Duration latestStart,
                          Duration slack) implements TaskTiming {
    }

    @Override
    public String toString() {
        return "WorkflowAnalysis{tasks=" + graph.size() + ", levels=" + levelCount + ", maxWidth=" + maxWidth
                + ", criticalPath=" + criticalPathDuration() + ", sequential=" + sequentialDuration()
                + String.format(", speedupBound=%.2f}", speedupBound());
    }
}
