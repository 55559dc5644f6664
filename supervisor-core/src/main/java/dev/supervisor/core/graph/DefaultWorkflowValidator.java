package dev.supervisor.core.graph;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.core.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** Array-based checks (see {@link Scan}); what is checked and reported is described in {@link WorkflowValidator}. */
final class DefaultWorkflowValidator implements WorkflowValidator {
    private static final int MAX_CYCLES = 100;
    private final Predicate<TaskType> hasHandler;
    /** The handled types in name order, for suggestions; empty when unknown. */
    private final List<TaskType> knownTypes;

    DefaultWorkflowValidator(Predicate<TaskType> hasHandler, List<TaskType> knownTypes) {
        this.hasHandler = hasHandler;
        this.knownTypes = knownTypes;
    }

    @Override
    public ValidationReport validate(String workflowId, FailureStrategy failureStrategy, List<TaskSpec> tasks) {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(failureStrategy, "failureStrategy");
        int n = tasks.size();
        Findings findings = new Findings(workflowId, tasks, knownTypes);
        if (n == 0) {
            return new ValidationReport(workflowId, List.of(findings.empty()), null);
        }
        Scan scan = new Scan(tasks, hasHandler, failureStrategy == FailureStrategy.FAIL_FAST, findings);
        scan.firstPass();
        scan.indexIds();
        scan.reservedIds();
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
            int[] succ = graph != null ? graph.sharedSuccessors() : TaskGraph.successors(n, predStart, pred, succStart);
            List<int[]> cycles = Cycles.find(n, succStart, succ, MAX_CYCLES);
            acyclic = cycles.isEmpty();
            for (int[] cycle : cycles) {
                List<String> path = new ArrayList<>(cycle.length);
                for (int v : cycle) {
                    path.add(tasks.get(v).id());
                }
                errors.add(findings.cycle(path));
            }
        }
        List<ValidationProblem> all = new ArrayList<>(errors);
        all.addAll(scan.handlerErrors);
        all.addAll(scan.warnings);
        Groups.disconnected(tasks, scan.duplicate, predStart, pred, acyclic, all);
        if (scan.failureTaskCount > 0) {
            all.add(findings.skippedByFailFast(scan.failureTasks, scan.failureTaskCount));
        }
        return new ValidationReport(workflowId, all, graph);
    }
}
