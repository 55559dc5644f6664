package dev.supervisor.core.internal.engine;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.graph.TaskGraph;
import java.util.function.Function;

/**
 * What a cluster worker needs to run a workflow's tasks: the task and its handler by index (the same indexes on
 * every node: preparation is deterministic), the fan-out plan, and the graph for the few things that walk edges
 * (a handler asking for upstream outputs, choosing branches). Made from a run's full preparation when this node has
 * one; otherwise from the stored workflow alone, with the graph built on first use: a worker of a large workflow
 * of independent tasks never builds it, and runs its first task that much sooner in a fresh JVM.
 */
final class Work {
    private final WorkflowSpec workflow;
    private final Function<TaskSpec, TaskHandler> handlerOf;
    private final FanOutPlan plan;
    private volatile TaskGraph graph;
    private final TaskHandler[] handlers;

    private Work(WorkflowSpec workflow, TaskGraph graph, TaskHandler[] handlers, FanOutPlan plan,
                 Function<TaskSpec, TaskHandler> handlerOf) {
        this.workflow = workflow;
        this.graph = graph;
        this.handlers = handlers;
        this.plan = plan;
        this.handlerOf = handlerOf;
    }

    /** From a full preparation (or a fanned-out workflow's expanded graph): everything at hand. */
    static Work of(TaskGraph graph, TaskHandler[] handlers, FanOutPlan plan) {
        return new Work(null, graph, handlers, plan, null);
    }

    /** From a workflow without fan-out, whose task indexes are its tasks' positions. */
    static Work lazy(WorkflowSpec workflow, Function<TaskSpec, TaskHandler> handlerOf) {
        return new Work(workflow, null, null, null, handlerOf);
    }

    /** @return how many tasks (fan-out slots included) */
    int size() {
        TaskGraph g = graph;
        return g != null ? g.size() : workflow.tasks().size();
    }

    TaskSpec task(int i) {
        TaskGraph g = graph;
        return g != null ? g.task(i) : workflow.tasks().get(i);
    }

    String id(int i) {
        return task(i).id();
    }

    TaskHandler handler(int i) {
        TaskHandler[] hs = handlers;
        return hs != null ? hs[i] : handlerOf.apply(workflow.tasks().get(i));
    }

    /** @return the fan-out plan, or null if no task fans out */
    FanOutPlan plan() {
        return plan;
    }

    /** @return the graph, built now if this work was made without one */
    TaskGraph graph() {
        TaskGraph g = graph;
        if (g == null) {
            synchronized (this) {
                g = graph;
                if (g == null) {
                    g = TaskGraph.of(workflow);
                    graph = g;
                }
            }
        }
        return g;
    }
}
