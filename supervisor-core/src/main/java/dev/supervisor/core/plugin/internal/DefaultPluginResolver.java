package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.plugin.PluginDependency;
import dev.supervisor.api.plugin.PluginDescriptor;
import dev.supervisor.api.plugin.SemanticVersion;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.ValidationReport;
import dev.supervisor.core.graph.WorkflowValidator;
import dev.supervisor.core.plugin.PluginProblem;
import dev.supervisor.core.plugin.PluginProblem.Kind;
import dev.supervisor.core.plugin.PluginResolution;
import dev.supervisor.core.plugin.PluginResolver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plugins become the tasks of a workflow whose dependencies are the plugins' present dependencies, so cycles are
 * found and ordered by the workflow validator and {@link TaskGraph} (one graph implementation in the code base,
 * iterative and deterministic). Problems are collected in descriptor order; a plugin's failure then spreads to the
 * plugins that require it.
 */
public final class DefaultPluginResolver implements PluginResolver {
    private static final TaskType PLUGIN = TaskType.of("plugin");
    private static final WorkflowValidator STRUCTURE = WorkflowValidator.structural();
    private final SemanticVersion hostApi;

    /**
     * @param hostApi the plugin API version the host provides
     */
    public DefaultPluginResolver(SemanticVersion hostApi) {
        this.hostApi = hostApi;
    }

    @Override
    public PluginResolution resolve(List<PluginDescriptor> descriptors) {
        List<PluginProblem> problems = new ArrayList<>();
        Map<String, PluginDescriptor> byId = new LinkedHashMap<>();
        for (PluginDescriptor d : descriptors) {
            PluginDescriptor first = byId.putIfAbsent(d.id(), d);
            if (first != null) {
                problems.add(new Problem(Kind.DUPLICATE_ID, List.of(d.id()), d.source(), "plugin id '" + d.id()
                        + "' is declared twice: by " + first.source() + " and by " + d.source()
                        + " (the second is ignored)"));
            }
        }
        if (byId.isEmpty()) {
            return new Resolution(problems, List.of());
        }
        Set<String> failed = new LinkedHashSet<>();
        for (PluginDescriptor d : byId.values()) {
            if (!d.requires().contains(hostApi)) {
                fail(problems, failed, Kind.HOST_API_OUT_OF_RANGE, d, List.of(d.id()), "plugin '" + d.id()
                        + "' requires host API " + d.requires() + " but this host provides " + hostApi);
            }
            for (PluginDependency dep : d.dependencies()) {
                PluginDescriptor target = byId.get(dep.pluginId());
                if (target == null && !dep.optional()) {
                    fail(problems, failed, Kind.MISSING_DEPENDENCY, d, List.of(d.id(), dep.pluginId()), "plugin '"
                            + d.id() + "' needs plugin '" + dep.pluginId() + "'" + range(dep)
                            + ", which is not present");
                } else if (target != null && !dep.range().contains(target.version())) {
                    fail(problems, failed, Kind.WRONG_VERSION, d, List.of(d.id(), dep.pluginId()), "plugin '" + d.id()
                            + "' needs plugin '" + dep.pluginId() + "' " + dep.range() + " but " + target.source()
                            + " is version " + target.version());
                }
            }
        }
        ValidationReport report = STRUCTURE.validate(workflow(byId, Set.of()));
        for (ValidationProblem p : report.errors()) { // only cycles: ids are unique and dependencies present
            // The validator's paths follow execution (a dependency before its dependent); read backwards they say
            // who needs whom, which is how plugin authors think of it.
            List<String> path = new ArrayList<>(p.taskIds());
            Collections.reverse(path);
            PluginDescriptor d = byId.get(path.get(0));
            fail(problems, failed, Kind.CYCLE, d, path, "plugins depend on each other in a cycle: "
                    + String.join(" -> ", path) + " (each needs the next)");
            failed.addAll(path);
        }
        spread(byId, failed, problems);
        List<String> order = new ArrayList<>(byId.size() - failed.size());
        if (failed.size() == byId.size()) {
            return new Resolution(problems, order); // none resolved: a workflow must have tasks
        }
        TaskGraph graph = failed.isEmpty() ? report.graph().orElseThrow()
                : TaskGraph.of(workflow(byId, failed));
        for (int i : graph.topologicalOrder()) {
            order.add(graph.id(i));
        }
        return new Resolution(problems, order);
    }

    private static String range(PluginDependency dep) {
        return dep.range().isAny() ? "" : " (" + dep.range() + ")";
    }

    private static void fail(List<PluginProblem> problems, Set<String> failed, Kind kind, PluginDescriptor d,
                             List<String> ids, String message) {
        problems.add(new Problem(kind, ids, d.source(), message));
        failed.add(d.id());
    }

    /** Marks every plugin that requires a failed one, breadth first from the failures, in a stable order. */
    private static void spread(Map<String, PluginDescriptor> byId, Set<String> failed, List<PluginProblem> problems) {
        Map<String, List<PluginDescriptor>> requiredBy = new HashMap<>();
        for (PluginDescriptor d : byId.values()) {
            for (PluginDependency dep : d.dependencies()) {
                if (!dep.optional() && byId.containsKey(dep.pluginId())) {
                    requiredBy.computeIfAbsent(dep.pluginId(), k -> new ArrayList<>()).add(d);
                }
            }
        }
        ArrayDeque<String> queue = new ArrayDeque<>(failed);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (PluginDescriptor d : requiredBy.getOrDefault(id, List.of())) {
                if (failed.add(d.id())) {
                    problems.add(new Problem(Kind.DEPENDENCY_UNRESOLVED, List.of(d.id(), id), d.source(),
                            "plugin '" + d.id() + "' needs plugin '" + id + "', which did not resolve"));
                    queue.add(d.id());
                }
            }
        }
    }

    /** One task per plugin not in {@code leaveOut}, depending on its present dependencies not left out. */
    private static WorkflowSpec workflow(Map<String, PluginDescriptor> byId, Set<String> leaveOut) {
        WorkflowSpec.Builder wf = WorkflowSpec.builder("plugins");
        for (PluginDescriptor d : byId.values()) {
            if (leaveOut.contains(d.id())) {
                continue;
            }
            TaskSpec.Builder t = TaskSpec.builder(d.id(), PLUGIN);
            for (PluginDependency dep : d.dependencies()) {
                if (byId.containsKey(dep.pluginId()) && !leaveOut.contains(dep.pluginId())) {
                    t.dependsOn(dep.pluginId());
                }
            }
            wf.task(t);
        }
        return wf.build();
    }
}
