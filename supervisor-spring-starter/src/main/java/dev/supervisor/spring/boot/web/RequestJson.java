package dev.supervisor.spring.boot.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.json.WorkflowFormatException;
import dev.supervisor.core.json.WorkflowJson;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * A request body that is one JSON object, read field by field. Every problem names its field as a JSON pointer with
 * its line and column in the body, including problems inside an embedded workflow document (read by
 * {@link WorkflowJson}, whose positions are moved to where the document sits in the body).
 */
final class RequestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String body;
    private final Map<String, Field> fields;

    private record Field(JsonNode value, int line, int column, int from, int to) {
    }

    private RequestJson(String body, Map<String, Field> fields) {
        this.body = body;
        this.fields = fields;
    }

    /**
     * @param body the request body
     * @param allowed the fields the endpoint knows; any other is an error
     * @return the parsed body
     */
    static RequestJson parse(String body, Set<String> allowed) {
        if (body == null || body.isBlank()) {
            throw invalid("", 1, 1, "the request body must be a JSON object");
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        try (JsonParser p = MAPPER.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid("", 1, 1, "the request body must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                if (!allowed.contains(name)) {
                    throw invalid("/" + name, at.getLineNr(), at.getColumnNr(), "unknown field '" + name
                            + "'; known fields are " + String.join(", ", allowed));
                }
                p.nextToken();
                JsonLocation start = p.currentTokenLocation();
                JsonNode value = p.readValueAsTree();
                int end = (int) p.currentLocation().getCharOffset();
                fields.put(name, new Field(value, start.getLineNr(), start.getColumnNr(),
                        (int) start.getCharOffset(), end));
            }
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw invalid("", at.getLineNr(), at.getColumnNr(), "unexpected content after the JSON object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-json", "invalid JSON: " + e.getOriginalMessage(),
                    position("", loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr()));
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-json", "unreadable body: " + e.getMessage(),
                    Map.of());
        }
        return new RequestJson(body, fields);
    }

    /**
     * @param name a field holding a workflow document
     * @return the workflow
     */
    WorkflowSpec workflow(String name) {
        Field f = require(name);
        if (!f.value.isObject()) {
            throw invalid("/" + name, f.line, f.column, "must be a workflow document (a JSON object)");
        }
        try {
            return WorkflowJson.read(body.substring(f.from, f.to));
        } catch (WorkflowFormatException e) {
            int line = e.line() <= 0 ? f.line : f.line + e.line() - 1;
            int column = e.line() <= 0 ? f.column : e.line() == 1 ? f.column + e.column() - 1 : e.column();
            String reason = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
            throw invalid("/" + name + e.pointer(), line, column, reason);
        }
    }

    /**
     * @param name an optional field holding a JSON object
     * @return its members as JSON-compatible values, empty when absent
     */
    Map<String, Object> object(String name) {
        Field f = fields.get(name);
        if (f == null || f.value.isNull()) {
            return Map.of();
        }
        if (!f.value.isObject()) {
            throw invalid("/" + name, f.line, f.column, "must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = MAPPER.convertValue(f.value, Map.class);
        return m;
    }

    /**
     * @param name a field holding text
     * @param required true if it must be present
     * @return its text, or null when absent and optional
     */
    String text(String name, boolean required) {
        Field f = required ? require(name) : fields.get(name);
        if (f == null || f.value.isNull() && !required) {
            return null;
        }
        if (!f.value.isTextual() || f.value.asText().isBlank()) {
            throw invalid("/" + name, f.line, f.column, "must be a non-blank string");
        }
        return f.value.asText();
    }

    /**
     * @param name an optional field
     * @return an error about that field (or the body, when absent) with its position, to throw
     */
    ApiException problem(String name, String reason) {
        Field f = fields.get(name);
        return f == null ? invalid("/" + name, -1, -1, reason) : invalid("/" + name, f.line, f.column, reason);
    }

    private Field require(String name) {
        Field f = fields.get(name);
        if (f == null) {
            throw invalid("/" + name, 1, 1, "required field '" + name + "' is missing");
        }
        return f;
    }

    static ApiException invalid(String pointer, int line, int column, String reason) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field",
                (pointer.isEmpty() ? "body" : pointer) + (line > 0 ? " (line " + line + ", column " + column + ")"
                        : "") + ": " + reason, position(pointer, line, column));
    }

    private static Map<String, Object> position(String pointer, int line, int column) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pointer", pointer);
        if (line > 0) {
            m.put("line", line);
            m.put("column", column);
        }
        return m;
    }
}
