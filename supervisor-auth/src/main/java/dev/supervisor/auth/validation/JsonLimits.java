package dev.supervisor.auth.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Parses untrusted JSON within limits on size, nesting depth and string length, so a deep or huge document is
 * refused quickly instead of exhausting the stack or the heap.
 */
public final class JsonLimits {
    private final ObjectMapper mapper;
    private final int maxBytes;

    private JsonLimits(int maxBytes, int maxDepth, int maxString) {
        this.maxBytes = maxBytes;
        this.mapper = new ObjectMapper(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth).maxStringLength(maxString).maxDocumentLength(maxBytes).build()).build())
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * @param maxBytes largest document, positive
     * @param maxDepth deepest nesting, positive
     * @param maxString longest string, positive
     * @return the parser
     */
    public static JsonLimits of(int maxBytes, int maxDepth, int maxString) {
        if (maxBytes < 1 || maxDepth < 1 || maxString < 1) {
            throw new IllegalArgumentException("JSON limits must be positive: maxBytes=" + maxBytes + ", maxDepth="
                    + maxDepth + ", maxString=" + maxString);
        }
        return new JsonLimits(maxBytes, maxDepth, maxString);
    }

    /**
     * @param field the input's name
     * @param json the document
     * @return the parsed tree
     * @throws InvalidInputException if it is malformed or over a limit
     */
    public JsonNode parse(String field, String json) {
        if (json == null || json.length() > maxBytes) {
            throw new InvalidInputException(field, "must be a JSON document of at most " + maxBytes + " bytes");
        }
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            String reason = m.contains("nesting depth") ? "nests too deeply" : m.contains("String value length")
                    ? "has a string that is too long" : m.contains("Duplicate field") ? "repeats a field"
                    : "is not valid JSON";
            throw new InvalidInputException(field, reason);
        }
    }
}
