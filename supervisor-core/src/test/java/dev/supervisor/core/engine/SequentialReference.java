package dev.supervisor.core.engine;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskTimeoutException;
import dev.supervisor.api.TriggerRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a workflow of {@link RandomWorkflows} must end with, worked out one task at a time in workflow order from
 * the documented semantics alone — written separately from the engine (no shared code but the public model), so
 * that the two can be compared. Covers runs that go on after failures (CONTINUE) and are not cancelled.
 */
final class SequentialReference {
    /** A task's end: state, attempts, output. */
    record End(TaskState state, int attempts, Integer output) {
    }

    private final RandomWorkflows.Case c;
    private final Map<String, End> ends = new LinkedHashMap<>();

    private SequentialReference(RandomWorkflows.Case c) {
        this.c = c;
    }

    static Map<String, End> run(RandomWorkflows.Case c) {
        SequentialReference ref = new SequentialReference(c);
        for (TaskSpec t : c.workflow().tasks()) {
            ref.ends.put(t.id(), ref.decide(t));
        }
        return ref.ends;
    }

    static RunStatus status(Map<String, End> ends) {
        return ends.values().stream().anyMatch(e -> e.state().isFailure()) ? RunStatus.FAILED : RunStatus.SUCCEEDED;
    }

    /** @return true if some task fails by itself (not only because an upstream failed) */
    static boolean hasOwnFailure(Map<String, End> ends) {
        return ends.values().stream().anyMatch(e -> e.state() == TaskState.FAILED
                || e.state() == TaskState.TIMED_OUT);
    }

    private End decide(TaskSpec t) {
        if (t.triggerRule() == TriggerRule.ALWAYS) {
            return runIfConditionHolds(t); // runs at once: its upstream tasks, and their edges, are not looked at
        }
        boolean s = false;
        boolean f = false;
        boolean u = false;
        boolean k = false;
        boolean edgeError = false;
        for (Dependency d : t.dependencies()) {
            End up = ends.get(d.taskId());
            Boolean ok;
            switch (d.condition().kind()) {
                case FAILURE -> ok = up.state().isFailure();
                case COMPLETION -> ok = up.state() == TaskState.SUCCEEDED || up.state().isFailure();
                case CUSTOM -> ok = edge(d.condition(), up);
                default -> {
                    ok = null;
                    switch (up.state()) {
                        case SUCCEEDED -> s = true;
                        case FAILED, TIMED_OUT -> f = true;
                        case UPSTREAM_FAILED -> u = true;
                        default -> k = true;
                    }
                }
            }
            if (d.condition().kind() == EdgeCondition.Kind.CUSTOM && ok == null) {
                edgeError = true;
            } else if (ok != null) {
                if (ok) {
                    s = true;
                } else {
                    k = true;
                }
            }
        }
        if (edgeError) {
            return new End(TaskState.FAILED, 0, null);
        }
        String rule = t.dependencies().isEmpty() ? "run" : rule(t.triggerRule(), s, f, f || u, k);
        return switch (rule) {
            case "skip" -> new End(TaskState.SKIPPED, 0, null);
            case "upstream_failed" -> new End(TaskState.UPSTREAM_FAILED, 0, null);
            default -> runIfConditionHolds(t);
        };
    }

    /** The rule table of the trigger-rule documentation, once all upstream tasks have ended. */
    private static String rule(TriggerRule rule, boolean s, boolean f, boolean anyFailure, boolean k) {
        return switch (rule) {
            case ALL_SUCCESS -> anyFailure ? "upstream_failed" : k ? "skip" : "run";
            case ALL_FAILED -> s || k ? "skip" : "run";
            case ALL_DONE, ALWAYS -> "run";
            case ALL_DONE_MIN_ONE_SUCCESS -> s ? "run" : "skip";
            case ALL_SKIPPED -> s || anyFailure ? "skip" : "run";
            case ONE_SUCCESS -> s ? "run" : anyFailure ? "upstream_failed" : "skip";
            case ONE_FAILED -> anyFailure ? "run" : "skip";
            case ONE_DONE -> s || f ? "run" : "skip";
            case NONE_FAILED -> anyFailure ? "upstream_failed" : "run";
            case NONE_FAILED_MIN_ONE_SUCCESS -> anyFailure ? "upstream_failed" : s ? "run" : "skip";
            case NONE_SKIPPED -> k ? "skip" : "run";
        };
    }

    /** @return the edge's value, or null where evaluating it is an error */
    private static Boolean edge(EdgeCondition c, End up) {
        Integer out = up.output();
        return switch (c.expression()) {
            case "status == 'SUCCEEDED'" -> up.state() == TaskState.SUCCEEDED;
            case "output > 3" -> out == null ? null : out > 3;
            case "true" -> true;
            case "false" -> false;
            case "attempts >= 2" -> up.attempts() >= 2;
            case "output.size > 1" -> null; // an int has no fields
            default -> throw new IllegalStateException("no meaning for " + c.expression());
        };
    }

    private End runIfConditionHolds(TaskSpec t) {
        if (t.condition().isPresent()) {
            Map<String, Object> in = c.inputs();
            Boolean holds = switch (t.condition().get()) {
                case "inputs.flag" -> (Boolean) in.get("flag");
                case "!inputs.flag" -> !(Boolean) in.get("flag");
                case "inputs.n > 2" -> (Integer) in.get("n") > 2;
                case "inputs.missing" -> null; // no such key
                default -> throw new IllegalStateException("no meaning for " + t.condition().get());
            };
            if (holds == null) {
                return new End(TaskState.FAILED, 0, null);
            }
            if (!holds) {
                return new End(TaskState.SKIPPED, 0, null);
            }
        }
        for (int attempt = 1; ; attempt++) {
            RandomWorkflows.Act act = c.act(t.id(), attempt);
            Throwable failure = switch (act) {
                case SUCCEED -> null;
                case FAIL_STATE -> new IllegalStateException("scripted");
                case FAIL_ARGUMENT -> new IllegalArgumentException("scripted");
                case HANG -> new TaskTimeoutException(t.id(), RandomWorkflows.TIMEOUT);
            };
            if (failure == null) {
                return new End(TaskState.SUCCEEDED, attempt, c.outputs().get(t.id()));
            }
            if (!t.retryPolicy().shouldRetry(attempt, failure)) {
                return new End(act == RandomWorkflows.Act.HANG ? TaskState.TIMED_OUT : TaskState.FAILED, attempt,
                        null);
            }
        }
    }
}
