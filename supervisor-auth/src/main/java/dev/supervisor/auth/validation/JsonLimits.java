package dev.supervisor.auth.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.auth.internal.StrictJson;

/**
 * Parses untrusted JSON within limits on size, nesting depth and string length, so a deep or huge document is
 * refused quickly instead of exhausting the stack or the heap. A document is one value and nothing after it, with
 * no repeated member; as bytes it must be strict UTF-8 (no byte-order mark, no UTF-16 or UTF-32).
 */
public final class JsonLimits {
    private final StrictJson json;
    private final int maxChars;

    private JsonLimits(int maxChars, int maxDepth, int maxString) {
        this.maxChars = maxChars;
        this.json = new StrictJson(maxChars, maxDepth, maxString);
    }

    /**
     * @param maxChars largest document in characters, positive
     * @param maxDepth deepest nesting, positive
     * @param maxString longest string, positive
     * @return the parser
     */
    public static JsonLimits of(int maxChars, int maxDepth, int maxString) {
        if (maxChars < 1 || maxDepth < 1 || maxString < 1) {
            throw new IllegalArgumentException("JSON limits must be positive: maxChars=" + maxChars + ", maxDepth="
                    + maxDepth + ", maxString=" + maxString);
        }
        return new JsonLimits(maxChars, maxDepth, maxString);
    }

    /**
     * @param field the input's name
     * @param text the document
     * @return the parsed tree
     * @throws InvalidInputException if it is malformed or over a limit
     */
    public JsonNode parse(String field, String text) {
        if (text == null || text.length() > maxChars) {
            throw new InvalidInputException(field, "must be a JSON document of at most " + maxChars + " characters");
        }
        try {
            return json.parse(text);
        } catch (StrictJson.Refused e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    /**
     * @param field the input's name
     * @param utf8 the document's bytes
     * @return the parsed tree
     * @throws InvalidInputException if it is not strict UTF-8, malformed or over a limit
     */
    public JsonNode parse(String field, byte[] utf8) {
        if (utf8 == null) {
            throw new InvalidInputException(field, "must be a JSON document");
        }
        try {
            return json.parse(utf8);
        } catch (StrictJson.Refused e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }
}
