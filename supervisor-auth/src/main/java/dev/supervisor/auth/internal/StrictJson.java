package dev.supervisor.auth.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * JSON for untrusted documents: one value and nothing after it, no repeated member, bounded size, depth and
 * strings, and bytes that are strict UTF-8 (no byte-order mark, no UTF-16 or UTF-32 guessing, no malformed
 * sequences) — so two parsers can never read one document differently.
 */
public final class StrictJson {
    private final ObjectMapper mapper;
    private final int maxChars;

    /**
     * @param maxChars largest document in characters
     * @param maxDepth deepest nesting
     * @param maxString longest string
     */
    public StrictJson(int maxChars, int maxDepth, int maxString) {
        this.maxChars = maxChars;
        this.mapper = new ObjectMapper(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth).maxStringLength(maxString).maxDocumentLength(maxChars).build()).build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Why a document was refused. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param reason a short reason */
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param bytes the document as UTF-8
     * @return the parsed value
     * @throws Refused naming the problem
     */
    public JsonNode parse(byte[] bytes) throws Refused {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            throw new Refused("starts with a byte-order mark");
        }
        if (bytes.length > 4L * maxChars) {
            throw new Refused("is longer than " + maxChars + " characters");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("is not UTF-8");
        }
        return parse(text);
    }

    /**
     * @param text the document
     * @return the parsed value
     * @throws Refused naming the problem
     */
    public JsonNode parse(String text) throws Refused {
        if (text == null || text.length() > maxChars) {
            throw new Refused("is missing or longer than " + maxChars + " characters");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw new Refused("starts with a byte-order mark");
        }
        try {
            JsonNode n = mapper.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new Refused("is empty");
            }
            return n;
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            throw new Refused(m.contains("nesting depth") ? "nests too deeply" : m.contains("String value length")
                    || m.contains("String length") ? "has a string that is too long" : m.contains("Duplicate field")
                    ? "repeats a member" : m.contains("Trailing token") ? "has content after its value"
                    : m.contains("Document length") || m.contains("document length") ? "is too long"
                    : "is not valid JSON");
        }
    }
}
