package dev.supervisor.core.json.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import java.util.List;

/**
 * Writes every field of a workflow, leaving out values equal to what reading assumes when they are absent: empty
 * and unset ones always, and in the compact form also the defaults a reader fills in (a name equal to the id,
 * normal priority, a one-second estimate, the {@code ALL_SUCCESS} rule, {@code FAIL_FAST}), so that a stored
 * workflow of plain tasks is a quarter of the size and read that much faster by every node.
 */
public final class SpecWriter {
    /** A task and a workflow as their builders make them: what a reader has for a field that is absent. */
    private static final TaskSpec PLAIN_TASK = TaskSpec.builder("t", TaskType.of("t")).build();
    private static final WorkflowSpec PLAIN_WORKFLOW = WorkflowSpec.builder("w")
            .task(TaskSpec.builder("t", TaskType.of("t"))).build();

    private SpecWriter() {
    }

    /**
     * @param mapper makes the nodes
     * @param workflow the workflow
     * @param compact whether to leave out defaults too
     * @return its document
     * @throws IllegalArgumentException if a retry policy names a class that cannot be loaded by name
     */
    public static ObjectNode write(ObjectMapper mapper, WorkflowSpec workflow, boolean compact) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", workflow.id());
        if (!compact || !workflow.name().equals(workflow.id())) {
            root.put("name", workflow.name());
        }
        if (!compact || workflow.failureStrategy() != PLAIN_WORKFLOW.failureStrategy()) {
            root.put("failureStrategy", workflow.failureStrategy().name());
        }
        if (workflow.maxConcurrency() > 0) {
            root.put("maxConcurrency", workflow.maxConcurrency());
        }
        workflow.timeout().ifPresent(t -> root.put("timeout", t.toString()));
        ArrayNode tasks = root.putArray("tasks");
        for (TaskSpec t : workflow.tasks()) {
            task(mapper, t, tasks.addObject(), compact);
        }
        return root;
    }

    private static void task(ObjectMapper mapper, TaskSpec t, ObjectNode n, boolean compact) {
        n.put("id", t.id());
        if (!compact || !t.name().equals(t.id())) {
            n.put("name", t.name());
        }
        n.put("type", t.type().name());
        if (!t.config().isEmpty()) {
            n.set("config", mapper.valueToTree(t.config()));
        }
        if (!compact || t.priority() != PLAIN_TASK.priority()) {
            n.put("priority", t.priority().name());
        }
        if (!compact || !t.estimatedDuration().equals(PLAIN_TASK.estimatedDuration())) {
            n.put("estimatedDuration", t.estimatedDuration().toString());
        }
        t.timeout().ifPresent(d -> n.put("timeout", d.toString()));
        RetryPolicy r = t.retryPolicy();
        if (!r.equals(RetryPolicy.none())) {
            ObjectNode rn = n.putObject("retry");
            rn.put("maxAttempts", r.maxAttempts());
            rn.put("backoff", r.backoff().name());
            rn.put("delay", r.delay().toString());
            rn.put("maxDelay", r.maxDelay().toString());
            rn.put("jitter", r.jitter());
            failures(t, rn, "retryOn", r.retryOn());
            failures(t, rn, "abortOn", r.abortOn());
        }
        if (!t.tags().isEmpty()) {
            ArrayNode tags = n.putArray("tags");
            t.tags().stream().sorted().forEach(tags::add);
        }
        if (!t.dependencies().isEmpty()) {
            ArrayNode deps = n.putArray("dependsOn");
            for (Dependency d : t.dependencies()) {
                if (d.condition().kind() == EdgeCondition.Kind.SUCCESS) {
                    deps.add(d.taskId());
                } else {
                    ObjectNode dn = deps.addObject().put("task", d.taskId())
                            .put("condition", d.condition().kind().name());
                    if (d.condition().expression() != null) {
                        dn.put("expression", d.condition().expression());
                    }
                }
            }
        }
        if (!compact || t.triggerRule() != PLAIN_TASK.triggerRule()) {
            n.put("triggerRule", t.triggerRule().name());
        }
        t.condition().ifPresent(c -> n.put("condition", c));
        t.fanOut().ifPresent(f -> n.putObject("fanOut").put("items", f.items()).put("maxWidth", f.maxWidth()));
        if (t.teardown()) {
            n.put("teardown", true);
        }
    }

    private static void failures(TaskSpec t, ObjectNode rn, String field, List<Class<? extends Throwable>> types) {
        if (types.isEmpty()) {
            return;
        }
        ArrayNode names = rn.putArray(field);
        for (Class<? extends Throwable> c : types) {
            if (c.isHidden()) {
                throw new IllegalArgumentException("task '" + t.id() + "' has " + field + " " + c.getName()
                        + ", a hidden class, which cannot be stored: it cannot be loaded by name");
            }
            names.add(c.getName());
        }
    }
}
