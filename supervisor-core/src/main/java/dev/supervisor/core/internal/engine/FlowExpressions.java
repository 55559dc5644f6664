package dev.supervisor.core.internal.engine;

import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.expr.Expression;
import dev.supervisor.core.expr.ExpressionEngine;
import dev.supervisor.core.expr.ExpressionException;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.internal.Finding;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Task conditions and CUSTOM edge expressions: compiled at submit (errors reported with the workflow's other
 * problems) and evaluated over the run's state when a task is about to become ready.
 */
final class FlowExpressions {
    final Expression[] conditions;
    final Expression[] edgeBySuccSlot;

    private FlowExpressions(Expression[] conditions, Expression[] edgeBySuccSlot) {
        this.conditions = conditions;
        this.edgeBySuccSlot = edgeBySuccSlot;
    }

    static final FlowExpressions NONE = new FlowExpressions(null, null);

    /** Compiles every expression of the graph ({@code kinds}: see {@link EdgeSlots#kinds}); errors go to problems. */
    static FlowExpressions compile(TaskGraph g, int kinds, ExpressionEngine engine, List<ValidationProblem> problems) {
        int n = g.size();
        Expression[] conds = null;
        for (int i = 0; i < n; i++) {
            var t = g.task(i);
            if (t.condition().isPresent()) {
                if (conds == null) {
                    conds = new Expression[n];
                }
                conds[i] = compile(engine, t.condition().get(), "condition of task '" + t.id() + "'", t.id(),
                        problems);
            }
        }
        if (!EdgeSlots.has(kinds, EdgeCondition.Kind.CUSTOM)) {
            return conds == null ? NONE : new FlowExpressions(conds, null);
        }
        Expression[][] bySuccHolder = new Expression[1][];
        int[] toSucc = EdgeSlots.predToSucc(g);
        EdgeSlots.forEachDependency(g, (task, d, slot) -> {
            if (d.condition().kind() == EdgeCondition.Kind.CUSTOM) {
                if (bySuccHolder[0] == null) {
                    bySuccHolder[0] = new Expression[g.edgeCount()];
                }
                String id = g.id(task);
                bySuccHolder[0][toSucc[slot]] = compile(engine, d.condition().expression(), "condition of the edge '"
                        + d.taskId() + "' -> '" + id + "'", id, problems);
            }
        });
        Expression[] bySucc = bySuccHolder[0];
        return conds == null && bySucc == null ? NONE : new FlowExpressions(conds, bySucc);
    }

    private static Expression compile(ExpressionEngine engine, String src, String what, String taskId,
                                      List<ValidationProblem> problems) {
        try {
            return engine.compile(src);
        } catch (ExpressionException e) {
            problems.add(new Finding(ValidationProblem.Kind.INVALID_EXPRESSION, List.of(taskId), what
                    + ": " + e.getMessage()));
            return null;
        }
    }

    /** Variables for a task's condition: tasks, inputs and context. */
    static Map<String, Object> taskVariables(RunExecution run, int i) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("tasks", new TasksView(run));
        vars.put("inputs", run.inputs);
        vars.put("context", Map.of("runId", run.runId, "workflowId", run.workflow.id(), "taskId",
                run.graph.id(i)));
        return vars;
    }

    /** Variables for an edge: the upstream result's fields at top level, plus upstream, tasks and inputs. */
    static Map<String, Object> edgeVariables(RunExecution run, int upstream, int downstream) {
        Map<String, Object> vars = new HashMap<>(result(run.record(upstream)));
        vars.put("upstream", result(run.record(upstream)));
        vars.putAll(taskVariables(run, downstream));
        return vars;
    }

    static Map<String, Object> result(TaskRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.state().name());
        m.put("output", r.output());
        m.put("error", r.error());
        m.put("attempts", r.attempt());
        m.put("duration", r.startedAt() != null && r.finishedAt() != null
                ? Duration.between(r.startedAt(), r.finishedAt()) : null);
        return m;
    }

    /** tasks['id'] without building a map entry for every task of a large run. */
    private static final class TasksView extends AbstractMap<String, Object> {
        private final RunExecution run;

        TasksView(RunExecution run) {
            this.run = run;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String s && run.graph.indexOf(s) >= 0;
        }

        @Override
        public Object get(Object key) {
            int i = key instanceof String s ? run.graph.indexOf(s) : -1;
            return i < 0 ? null : result(run.record(i));
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return run.graph.size();
                }

                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < run.graph.size();
                        }

                        @Override
                        public Entry<String, Object> next() {
                            TaskRecord r = run.record(next++);
                            return new SimpleImmutableEntry<>(r.taskId(), result(r));
                        }
                    };
                }
            };
        }
    }
}
