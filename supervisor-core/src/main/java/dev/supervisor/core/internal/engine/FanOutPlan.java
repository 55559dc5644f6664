package dev.supervisor.core.internal.engine;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.Priority;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.expr.Expression;
import dev.supervisor.core.expr.ExpressionEngine;
import dev.supervisor.core.expr.ExpressionException;
import dev.supervisor.core.graph.internal.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands fan-out tasks into {@code maxWidth} instance slots {@code id[0..]} plus a collector that keeps the task's
 * id, so the run's graph stays fixed: the items list decides at run time how many slots run, and unused ones are
 * settled silently (hidden from outcomes and events).
 */
final class FanOutPlan {
    final WorkflowSpec expanded;
    final int[] collectorOf;
    final int[] instanceNo;
    final int[] firstInstance;
    final int[] width;
    final Expression[] items;

    private FanOutPlan(WorkflowSpec expanded, int[] collectorOf, int[] instanceNo, int[] firstInstance, int[] width,
                       Expression[] items) {
        this.expanded = expanded;
        this.collectorOf = collectorOf;
        this.instanceNo = instanceNo;
        this.firstInstance = firstInstance;
        this.width = width;
        this.items = items;
    }

    boolean isCollector(int i) {
        return firstInstance[i] >= 0;
    }

    /** @return the plan, or null when no task fans out */
    static FanOutPlan of(WorkflowSpec wf, ExpressionEngine engine, List<ValidationProblem> problems) {
        if (wf.tasks().stream().noneMatch(t -> t.fanOut().isPresent())) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        wf.tasks().forEach(t -> ids.add(t.id()));
        List<TaskSpec> out = new ArrayList<>();
        List<Integer> collector = new ArrayList<>();
        List<Integer> number = new ArrayList<>();
        List<int[]> collectors = new ArrayList<>();
        List<Expression> exprs = new ArrayList<>();
        for (TaskSpec t : wf.tasks()) {
            if (t.fanOut().isEmpty()) {
                out.add(t);
                collector.add(-1);
                number.add(-1);
                continue;
            }
            var f = t.fanOut().get();
            Expression items = null;
            try {
                items = engine.compile(f.items());
            } catch (ExpressionException e) {
                problems.add(new Finding(ValidationProblem.Kind.INVALID_EXPRESSION, List.of(t.id()),
                        "fan-out items of task '" + t.id() + "': " + e.getMessage()));
            }
            int first = out.size();
            int collectorIndex = first + f.maxWidth();
            for (int k = 0; k < f.maxWidth(); k++) {
                String id = t.id() + "[" + k + "]";
                if (ids.contains(id)) {
                    problems.add(new Finding(ValidationProblem.Kind.DUPLICATE_ID, List.of(id), "task id '"
                            + id + "' is reserved for an instance of fan-out task '" + t.id() + "'"));
                }
                TaskSpec.Builder b = TaskSpec.builder(id, t.type()).name(t.name() + " [" + k + "]").config(t.config())
                        .priority(t.priority()).estimatedDuration(t.estimatedDuration()).retryPolicy(t.retryPolicy())
                        .triggerRule(t.triggerRule()).tags(t.tags().toArray(new String[0]));
                t.timeout().ifPresent(b::timeout);
                t.condition().ifPresent(b::condition);
                b.teardown(t.teardown());
                for (Dependency d : t.dependencies()) {
                    b.dependsOn(d.taskId(), d.condition());
                }
                out.add(b.build());
                collector.add(collectorIndex);
                number.add(k);
            }
            TaskSpec.Builder c = TaskSpec.builder(t.id(), t.type()).name(t.name()).priority(Priority.LOW)
                    .estimatedDuration(Duration.ZERO).triggerRule(TriggerRule.ALL_DONE);
            for (int k = 0; k < f.maxWidth(); k++) {
                c.dependsOn(t.id() + "[" + k + "]");
            }
            out.add(c.build());
            collector.add(-1);
            number.add(-1);
            collectors.add(new int[] {collectorIndex, first, f.maxWidth()});
            exprs.add(items);
        }
        int n = out.size();
        int[] firstInstance = new int[n];
        int[] width = new int[n];
        Expression[] itemExprs = new Expression[n];
        Arrays.fill(firstInstance, -1);
        for (int k = 0; k < collectors.size(); k++) {
            int[] c = collectors.get(k);
            firstInstance[c[0]] = c[1];
            width[c[0]] = c[2];
            itemExprs[c[0]] = exprs.get(k);
        }
        WorkflowSpec.Builder b = WorkflowSpec.builder(wf.id()).name(wf.name()).failureStrategy(wf.failureStrategy())
                .tasks(out);
        if (wf.maxConcurrency() > 0) {
            b.maxConcurrency(wf.maxConcurrency());
        }
        wf.timeout().ifPresent(b::timeout);
        return new FanOutPlan(b.build(), collector.stream().mapToInt(Integer::intValue).toArray(),
                number.stream().mapToInt(Integer::intValue).toArray(), firstInstance, width, itemExprs);
    }
}
