package dev.supervisor.core.internal.engine;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.ValidationProblem.Kind;
import dev.supervisor.core.graph.internal.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Refuses dependencies declared twice with different conditions: which one should hold is not knowable. */
final class FeatureChecks {
    private FeatureChecks() {
    }

    static List<ValidationProblem> problems(WorkflowSpec wf) {
        List<ValidationProblem> out = new ArrayList<>();
        for (TaskSpec t : wf.tasks()) {
            List<Dependency> deps = t.dependencies();
            // Submit-time cost matters at a million tasks: most tasks have a few distinct dependencies, which a
            // pairwise look settles without a map.
            if (deps.size() < 2 || deps.size() <= 8 && distinct(deps)) {
                continue;
            }
            Map<String, EdgeCondition> seen = new HashMap<>();
            for (Dependency d : deps) {
                EdgeCondition before = seen.putIfAbsent(d.taskId(), d.condition());
                if (before != null && !before.equals(d.condition())) {
                    out.add(new Finding(Kind.UNSUPPORTED_FEATURE, List.of(t.id(), d.taskId()), "task '"
                            + t.id() + "' declares its dependency on '" + d.taskId() + "' with conflicting"
                            + " conditions " + before.kind() + " and " + d.condition().kind()));
                }
            }
        }
        return out;
    }

    private static boolean distinct(List<Dependency> deps) {
        for (int i = 1; i < deps.size(); i++) {
            String id = deps.get(i).taskId();
            for (int j = 0; j < i; j++) {
                if (deps.get(j).taskId().equals(id)) {
                    return false;
                }
            }
        }
        return true;
    }
}
