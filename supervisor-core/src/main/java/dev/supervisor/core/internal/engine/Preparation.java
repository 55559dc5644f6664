package dev.supervisor.core.internal.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.WorkflowValidationException;
import dev.supervisor.core.expr.ExpressionEngine;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.ValidationReport;
import dev.supervisor.core.graph.WorkflowValidator;
import dev.supervisor.core.graph.internal.GraphArrays;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates and indexes a workflow once per spec: graph, handlers, caps, ranks, edge kinds, compiled expressions
 * and the fan-out plan. Runs of the same spec share the result (only the per-run cap is rebuilt).
 */
final class Preparation {
    private final Map<TaskType, TaskHandler> handlers;
    private final Map<TaskType, Limit> typeLimits;
    private final Map<String, Limit> tagLimits;
    private final WorkflowValidator validator;
    private final ExpressionEngine expressions;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(
            "dev.supervisor.core.Supervisor");
    /** Cache bound in tasks, plus {@link #ENTRY_WEIGHT} per spec. */
    static final long CACHE_WEIGHT = 1_000_000;
    static final int ENTRY_WEIGHT = 1_000;
    // Weak identity keys: a spec nobody holds any more drops out by itself — but only once the collector has found
    // it dead, which for an old-generation spec can take a while; meanwhile its plan (and through the graph its
    // task specs) stays reachable. Bounding by tasks rather than entries keeps that to about a million task specs
    // however large the specs (256 entries of 20k tasks kept 3 GB reachable in a benchmark); a spec beyond the
    // bound is prepared again on every submit.
    private final Cache<WorkflowSpec, Prepared> prepared;
    /** Worker-only preparations of stored workflows this node does not drive; bounded the same way. */
    private final Cache<WorkflowSpec, Work> work;

    Preparation(Map<TaskType, TaskHandler> handlers, Map<TaskType, Limit> typeLimits, Map<String, Limit> tagLimits,
                WorkflowValidator validator, ExpressionEngine expressions) {
        this(handlers, typeLimits, tagLimits, validator, expressions, CACHE_WEIGHT);
    }

    Preparation(Map<TaskType, TaskHandler> handlers, Map<TaskType, Limit> typeLimits, Map<String, Limit> tagLimits,
                WorkflowValidator validator, ExpressionEngine expressions, long cacheWeight) {
        // Maintenance on the calling thread: evicting is cheap, and a bound that holds at once is easier to trust.
        this.prepared = boundedByTasks(cacheWeight, p -> p.graph().size());
        this.work = boundedByTasks(cacheWeight, Work::size);
        this.handlers = handlers;
        this.typeLimits = typeLimits;
        this.tagLimits = tagLimits;
        this.validator = validator;
        this.expressions = expressions;
    }

    private static <V> Cache<WorkflowSpec, V> boundedByTasks(long cacheWeight,
            java.util.function.ToIntFunction<V> tasks) {
        return Caffeine.newBuilder().weakKeys().executor(Runnable::run).maximumWeight(cacheWeight)
                .weigher((WorkflowSpec w, V v) -> (int) Math.min(Integer.MAX_VALUE,
                        (long) tasks.applyAsInt(v) + ENTRY_WEIGHT))
                .build();
    }

    /**
     * @return what workers need of a stored workflow: from its full preparation when this node made one, else
     *         without validating it again (it was validated where it was submitted), and for a workflow without
     *         fan-out without even building its graph until something asks for it (see {@link Work})
     */
    Work forWorkers(WorkflowSpec workflow) {
        Prepared full = prepared.getIfPresent(workflow);
        if (full != null) {
            return full.work();
        }
        return work.get(workflow, this::workUncached);
    }

    private Work workUncached(WorkflowSpec workflow) {
        FanOutPlan plan = FanOutPlan.of(workflow, expressions, new ArrayList<>());
        if (plan == null) {
            return Work.lazy(workflow, t -> handlers.get(t.type()));
        }
        TaskGraph graph = TaskGraph.of(plan.expanded);
        TaskHandler[] hs = new TaskHandler[graph.size()];
        for (int i = 0; i < hs.length; i++) {
            hs[i] = handlers.get(graph.task(i).type());
        }
        return Work.of(graph, hs, plan);
    }

    /** Everything a run needs that depends only on the workflow. */
    record Prepared(TaskGraph graph, TaskHandler[] handlers, Limit[][] limits, long[] rank,
                            long[] estimates, byte[] succKind, FlowExpressions flow, FanOutPlan plan,
                            int[] initial, byte[] rules, byte[] priorities, Duration[] timeouts, String[] ids,
                            int[] customIn) {
        Work work() {
            return Work.of(graph, handlers, plan);
        }
    }

    /**
     * Validation and indexing depend only on the (immutable) spec and this supervisor's handlers, so a host that
     * submits the same spec again — the common case, and every cron fire — pays for them once.
     */
    Prepared prepare(WorkflowSpec workflow) {
        Prepared shared = prepared.get(workflow, this::prepareUncached);
        if (workflow.maxConcurrency() == 0 || shared.graph.size() == 0) {
            return shared;
        }
        // The run-level cap is per run: give each run its own Limit object.
        Limit runLimit = new Limit("run", workflow.maxConcurrency());
        Limit[][] limits = new Limit[shared.graph.size()][];
        for (int i = 0; i < limits.length; i++) {
            limits[i] = limitsOf(shared.graph.task(i), runLimit);
        }
        return new Prepared(shared.graph, shared.handlers, limits, shared.rank, shared.estimates, shared.succKind,
                shared.flow, shared.plan, shared.initial, shared.rules, shared.priorities, shared.timeouts, shared.ids,
                shared.customIn);
    }

    private Prepared prepareUncached(WorkflowSpec workflow) {
        ValidationReport report = validator.validate(workflow);
        List<ValidationProblem> problems = new ArrayList<>(report.problems());
        problems.addAll(FeatureChecks.problems(workflow));
        // The graph is sound whenever the report has one (a missing handler does not break it): expressions are
        // then checked too, so every problem is reported at once.
        FanOutPlan plan = report.graph().isPresent() ? FanOutPlan.of(workflow, expressions, problems) : null;
        // Fan-out tasks run on an expanded graph: instance slots plus a collector per fanned-out task.
        TaskGraph graph = plan == null ? report.graph().orElse(null) : TaskGraph.of(plan.expanded);
        int kinds = graph == null ? 0 : EdgeSlots.kinds(graph);
        FlowExpressions flow = graph == null ? FlowExpressions.NONE
                : FlowExpressions.compile(graph, kinds, expressions, problems);
        if (!report.isValid() || problems.stream().anyMatch(ValidationProblem::isError)) {
            throw new WorkflowValidationException(workflow.id(), problems);
        }
        for (ValidationProblem warning : problems) {
            LOG.warn("workflow '{}': {}", workflow.id(), warning); // once per spec: preparations are cached
        }
        int[] topo = graph.topologicalOrder();
        int n = graph.size();
        long[] estimates = GraphMath.estimates(graph);
        long[] rank = GraphMath.remainingWork(graph, topo, estimates);
        TaskHandler[] hs = new TaskHandler[n];
        Limit[][] limits = new Limit[n][];
        for (int i = 0; i < n; i++) {
            TaskSpec t = graph.task(i);
            hs[i] = handlers.get(t.type());
            limits[i] = limitsOf(t, null);
        }
        // Per-task facts the engine reads for every task, in arrays: reaching into 100k specs spread over the heap
        // costs a cache miss each time.
        byte[] rules = new byte[n];
        byte[] priorities = new byte[n];
        String[] ids = new String[n];
        Duration[] timeouts = null;
        for (int i = 0; i < n; i++) {
            TaskSpec t = graph.task(i);
            rules[i] = (byte) t.triggerRule().ordinal();
            priorities[i] = (byte) t.priority().value();
            ids[i] = t.id();
            if (t.timeout().isPresent()) {
                timeouts = timeouts == null ? new Duration[n] : timeouts;
                timeouts[i] = t.timeout().get();
            }
        }
        byte[] succKind = EdgeKinds.bySuccessorSlot(graph, kinds);
        return new Prepared(graph, hs, limits, rank, estimates, succKind, flow, plan, initialTasks(graph), rules,
                priorities, timeouts, ids, customIn(graph, succKind));
    }

    /** @return per task, how many of its in-edges are CUSTOM; null when there are none */
    private static int[] customIn(TaskGraph g, byte[] succKind) {
        if (succKind == null) {
            return null;
        }
        int[] in = null;
        int[] succ = GraphArrays.successors(g);
        for (int e = 0; e < succKind.length; e++) {
            if (succKind[e] == EdgeKinds.CUSTOM) {
                in = in == null ? new int[g.size()] : in;
                in[succ[e]]++;
            }
        }
        return in;
    }

    /** Roots, and tasks whose trigger rule fires before any upstream ends (always). */
    private static int[] initialTasks(TaskGraph g) {
        java.util.stream.IntStream.Builder b = java.util.stream.IntStream.builder();
        for (int i = 0; i < g.size(); i++) {
            if (g.inDegree(i) == 0 || dev.supervisor.core.flow.TriggerRules.decide(g.task(i).triggerRule(), 0, 0, 0,
                    g.inDegree(i)) == dev.supervisor.core.flow.TriggerDecision.RUN) {
                b.add(i);
            }
        }
        return b.build().toArray();
    }

    private static final Limit[] NO_LIMITS = new Limit[0];

    private Limit[] limitsOf(TaskSpec t, Limit runLimit) {
        if (runLimit == null && typeLimits.isEmpty() && tagLimits.isEmpty()) {
            return NO_LIMITS;
        }
        List<Limit> ls = new ArrayList<>(2);
        if (runLimit != null) {
            ls.add(runLimit);
        }
        Limit tl = typeLimits.get(t.type());
        if (tl != null) {
            ls.add(tl);
        }
        for (String tag : t.tags()) {
            Limit l = tagLimits.get(tag);
            if (l != null) {
                ls.add(l);
            }
        }
        return ls.toArray(new Limit[0]);
    }
}
