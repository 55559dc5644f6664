package dev.supervisor.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.json.internal.FieldProblem;
import dev.supervisor.core.json.internal.Locations;
import dev.supervisor.core.json.internal.SpecReader;
import dev.supervisor.core.json.internal.SpecWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link WorkflowSpec}s as JSON. Writing is lossless: every field of the workflow, its tasks and
 * their retry policies, fan-outs and edges is written, and reading the document gives an equal workflow.
 *
 * <p>Reading is strict and reports every problem of a document at once, in one {@link WorkflowFormatException},
 * each at its JSON pointer, line and column: unknown fields (with the closest known one suggested), duplicate keys,
 * wrong types, bad values, what the builders refuse (repeated task ids, a task depending on itself, no tasks), and
 * the structural errors the validator finds (unknown dependencies with "did you mean", cycles, ids taken from
 * fan-out instances). Task types are not checked against handlers here; that happens at submit.
 *
 * <pre>{@code
 * {
 *   "id": "code-change",                 // required
 *   "name": "Supervise a code change",
 *   "failureStrategy": "FAIL_FAST",      // or CONTINUE
 *   "maxConcurrency": 4,
 *   "timeout": "PT10M",                  // ISO-8601 durations everywhere
 *   "tasks": [{                           // required, at least one
 *     "id": "lint", "type": "lint",      // required
 *     "name": "Lint", "config": {"strict": true},
 *     "priority": "HIGH",                // LOW, NORMAL, HIGH, URGENT, CRITICAL or 1, 5, 7, 9, 10
 *     "estimatedDuration": "PT30S", "timeout": "PT2M",
 *     "retry": {"maxAttempts": 3, "backoff": "EXPONENTIAL", "delay": "PT1S", "maxDelay": "PT1M",
 *               "jitter": true, "retryOn": ["java.io.IOException"],
 *               "abortOn": ["java.lang.IllegalArgumentException"]},   // class names
 *     "tags": ["static-analysis"],
 *     "dependsOn": ["checkout", {"task": "build", "condition": "FAILURE"},
 *                  {"task": "scan", "condition": "CUSTOM", "expression": "output.score > 3"}],
 *     "triggerRule": "ALL_SUCCESS",      // any TriggerRule, upper or lower case
 *     "condition": "inputs.branch == 'main'",
 *     "fanOut": {"items": "tasks.checkout.output.files", "maxWidth": 100},
 *     "teardown": false
 *   }]
 * }
 * }</pre>
 */
public final class WorkflowJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(1 << 20).maxDocumentLength(64L << 20).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private WorkflowJson() {
    }

    /**
     * Reads a workflow, resolving the exception classes of retry policies through the thread's context class
     * loader (or, if it has none, the loader of this class).
     *
     * @param json a workflow document
     * @return the workflow
     * @throws WorkflowFormatException listing every problem of the document
     */
    public static WorkflowSpec read(String json) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return read(json, context != null ? context : WorkflowJson.class.getClassLoader());
    }

    /**
     * @param json a workflow document
     * @param classLoader resolves the class names in {@code retryOn} and {@code abortOn}
     * @return the workflow
     * @throws WorkflowFormatException listing every problem of the document; a class that cannot be loaded is
     *         one, at the field that names it
     */
    public static WorkflowSpec read(String json, ClassLoader classLoader) {
        java.util.Objects.requireNonNull(json, "json");
        java.util.Objects.requireNonNull(classLoader, "classLoader");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new WorkflowFormatException(e instanceof JsonParseException p && p.getProcessor() != null
                    ? pointerOf(p.getProcessor()) : "", loc == null ? -1 : loc.getLineNr(),
                    loc == null ? -1 : loc.getColumnNr(), "invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new WorkflowFormatException("", 1, 1, "a workflow document must be a JSON object", null);
        }
        SpecReader reader = new SpecReader(MAPPER, classLoader);
        WorkflowSpec spec = reader.workflow(root);
        if (spec != null) {
            return spec;
        }
        List<FieldProblem> found = new ArrayList<>(reader.problems());
        Map<String, int[]> at = Locations.of(FACTORY, json, found.stream().map(FieldProblem::pointer).toList());
        // In document order, problems without a position last; the sort is stable, so one field's stay in order.
        found.sort(Comparator.comparingLong(p -> place(at.get(p.pointer()))));
        List<WorkflowFormatException.Problem> problems = new ArrayList<>(found.size());
        for (FieldProblem p : found) {
            int[] lc = at.getOrDefault(p.pointer(), new int[] {-1, -1});
            problems.add(new WorkflowFormatException.Problem(p.pointer(), lc[0], lc[1], p.reason()));
        }
        Throwable cause = found.stream().map(FieldProblem::cause).filter(c -> c != null).findFirst().orElse(null);
        throw new WorkflowFormatException(problems, cause);
    }

    private static long place(int[] lineAndColumn) {
        return lineAndColumn == null ? Long.MAX_VALUE : (long) lineAndColumn[0] << 32 | lineAndColumn[1];
    }

    private static String pointerOf(JsonParser p) {
        try {
            return p.getParsingContext().pathAsPointer().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * @param workflow a workflow
     * @return its JSON document (indented), which {@link #read(String)} turns into an equal workflow
     * @throws IllegalArgumentException if a retry policy names a hidden class, which cannot be loaded by name
     */
    public static String write(WorkflowSpec workflow) {
        return write(workflow, MAPPER.writer(), false);
    }

    /**
     * The workflow as {@link #write(WorkflowSpec)} writes it, on one line and without the fields that hold the
     * value a reader assumes when they are absent (a name equal to the id, normal priority, a one-second estimate,
     * the {@code ALL_SUCCESS} rule, {@code FAIL_FAST}): for storing and sending. A workflow of plain tasks is about
     * a quarter of the indented document's size, and as much quicker to read back.
     *
     * @param workflow a workflow
     * @return its JSON document without whitespace
     * @throws IllegalArgumentException if a retry policy names a hidden class, which cannot be loaded by name
     */
    public static String writeCompact(WorkflowSpec workflow) {
        return write(workflow, MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT), true);
    }

    private static String write(WorkflowSpec workflow, com.fasterxml.jackson.databind.ObjectWriter writer,
            boolean compact) {
        try {
            return writer.writeValueAsString(SpecWriter.write(MAPPER, workflow, compact));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise workflow '" + workflow.id() + "'", e);
        }
    }
}
