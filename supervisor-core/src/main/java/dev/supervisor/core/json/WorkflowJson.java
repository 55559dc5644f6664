package dev.supervisor.core.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supervisor.api.Dependency;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.json.internal.SpecReader;
import java.io.IOException;

/**
 * Reads and writes {@link WorkflowSpec}s as JSON. Reading is strict: unknown fields, duplicate keys, wrong types
 * and bad values are errors, each a {@link WorkflowFormatException} naming the field and its line and column.
 *
 * <pre>{@code
 * {
 *   "id": "code-change",                 // required
 *   "name": "Supervise a code change",
 *   "failureStrategy": "FAIL_FAST",      // or CONTINUE
 *   "maxConcurrency": 4,
 *   "timeout": "PT10M",                  // ISO-8601 durations everywhere
 *   "tasks": [{                           // required
 *     "id": "lint", "type": "lint",      // required
 *     "name": "Lint", "config": {"strict": true},
 *     "priority": "HIGH",                // LOW, NORMAL, HIGH, URGENT, CRITICAL or 1, 5, 7, 9, 10
 *     "estimatedDuration": "PT30S", "timeout": "PT2M",
 *     "retry": {"maxAttempts": 3, "backoff": "EXPONENTIAL", "delay": "PT1S", "maxDelay": "PT1M",
 *               "jitter": true},
 *     "tags": ["static-analysis"],
 *     "dependsOn": ["checkout", {"task": "build", "condition": "FAILURE"},
 *                  {"task": "scan", "condition": "CUSTOM", "expression": "output.score > 3"}],
 *     "triggerRule": "ALL_SUCCESS",      // any TriggerRule, upper or lower case
 *     "condition": "inputs.branch == 'main'"
 *   }]
 * }
 * }</pre>
 */
public final class WorkflowJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(1 << 20).maxDocumentLength(64L << 20).build())
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private WorkflowJson() {
    }

    /**
     * @param json a workflow document
     * @return the workflow
     * @throws WorkflowFormatException naming the field, line and column of the first problem
     */
    public static WorkflowSpec read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new WorkflowFormatException(e instanceof JsonParseException p && p.getProcessor() != null
                    ? pointerOf(p.getProcessor()) : "", loc == null ? -1 : loc.getLineNr(),
                    loc == null ? -1 : loc.getColumnNr(), "invalid JSON: " + msg, e);
        }
        if (root == null || !root.isObject()) {
            throw new WorkflowFormatException("", 1, 1, "a workflow document must be a JSON object", null);
        }
        try {
            return new SpecReader(MAPPER).workflow((ObjectNode) root);
        } catch (SpecReader.FieldError e) {
            int[] at = locate(json, e.pointer());
            throw new WorkflowFormatException(e.pointer(), at[0], at[1], e.getMessage(), e.getCause());
        }
    }

    private static String pointerOf(JsonParser p) {
        try {
            return p.getParsingContext().pathAsPointer().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Streams the document again to find where the offending field starts. */
    private static int[] locate(String json, String pointer) {
        JsonPointer target = JsonPointer.compile(pointer);
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            while (p.nextToken() != null) {
                if (p.getParsingContext().pathAsPointer().equals(target)) {
                    var loc = p.currentTokenLocation();
                    return new int[] {loc.getLineNr(), loc.getColumnNr()};
                }
            }
        } catch (IOException | RuntimeException e) {
            // the document parsed once already; fall through to "unknown position"
        }
        return new int[] {-1, -1};
    }

    /**
     * @param workflow a workflow
     * @return its JSON document (indented), readable by {@link #read(String)}
     */
    public static String write(WorkflowSpec workflow) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", workflow.id());
        root.put("name", workflow.name());
        root.put("failureStrategy", workflow.failureStrategy().name());
        if (workflow.maxConcurrency() > 0) {
            root.put("maxConcurrency", workflow.maxConcurrency());
        }
        workflow.timeout().ifPresent(t -> root.put("timeout", t.toString()));
        ArrayNode tasks = root.putArray("tasks");
        for (TaskSpec t : workflow.tasks()) {
            ObjectNode n = tasks.addObject();
            n.put("id", t.id());
            n.put("name", t.name());
            n.put("type", t.type().name());
            if (!t.config().isEmpty()) {
                n.set("config", MAPPER.valueToTree(t.config()));
            }
            n.put("priority", t.priority().name());
            n.put("estimatedDuration", t.estimatedDuration().toString());
            t.timeout().ifPresent(d -> n.put("timeout", d.toString()));
            RetryPolicy r = t.retryPolicy();
            if (!r.equals(RetryPolicy.none())) {
                ObjectNode rn = n.putObject("retry");
                rn.put("maxAttempts", r.maxAttempts());
                rn.put("backoff", r.backoff().name());
                rn.put("delay", r.delay().toString());
                rn.put("maxDelay", r.maxDelay().toString());
                rn.put("jitter", r.jitter());
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
            n.put("triggerRule", t.triggerRule().name());
            t.condition().ifPresent(c -> n.put("condition", c));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise workflow '" + workflow.id() + "'", e);
        }
    }
}
