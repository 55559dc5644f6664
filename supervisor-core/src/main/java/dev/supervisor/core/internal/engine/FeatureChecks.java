package dev.supervisor.core.internal.engine;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.ValidationProblem.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses specs that use what this engine version cannot execute yet (conditional execution lands with the
 * expression language), rather than silently running them as if unconditional.
 */
final class FeatureChecks {
    private FeatureChecks() {
    }

    static List<ValidationProblem> problems(WorkflowSpec wf) {
        List<ValidationProblem> out = new ArrayList<>();
        for (TaskSpec t : wf.tasks()) {
            for (Dependency d : t.dependencies()) {
                if (d.condition().kind() != EdgeCondition.Kind.SUCCESS) {
                    out.add(unsupported(t, "edge condition " + d.condition().kind() + " on '" + d.taskId() + "'"));
                }
            }
            if (t.triggerRule() != TriggerRule.ALL_SUCCESS) {
                out.add(unsupported(t, "trigger rule " + t.triggerRule()));
            }
            if (t.condition().isPresent()) {
                out.add(unsupported(t, "condition"));
            }
        }
        return out;
    }

    private static ValidationProblem unsupported(TaskSpec t, String what) {
        return new ValidationProblem(Kind.UNSUPPORTED_FEATURE, List.of(t.id()), "task '" + t.id() + "' uses "
                + what + ", which this engine version does not execute yet");
    }
}
