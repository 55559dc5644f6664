package dev.supervisor.core.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Where fields start in a document's text, found in one more pass over it (a parsed tree keeps no positions). */
public final class Locations {
    private Locations() {
    }

    /**
     * @param factory the factory that parsed the document
     * @param json the document
     * @param pointers the JSON pointers wanted
     * @return line and column (1-based) of each pointer found; a pointer to an absent field gets the position of
     *         its nearest present parent
     */
    public static Map<String, int[]> of(JsonFactory factory, String json, Collection<String> pointers) {
        Map<String, int[]> found = new HashMap<>();
        Map<String, int[]> wanted = new HashMap<>();
        for (String p : pointers) {
            for (JsonPointer q = JsonPointer.compile(p); q != null; q = q.head()) {
                wanted.put(q.toString(), null);
            }
        }
        try (JsonParser parser = factory.createParser(json)) {
            while (parser.nextToken() != null) {
                String at = parser.getParsingContext().pathAsPointer().toString();
                if (wanted.containsKey(at) && !found.containsKey(at)) {
                    var loc = parser.currentTokenLocation();
                    found.put(at, new int[] {loc.getLineNr(), loc.getColumnNr()});
                }
            }
        } catch (IOException | RuntimeException e) {
            // the document parsed once already; what was not found stays without a position
        }
        Map<String, int[]> out = new HashMap<>();
        for (String p : pointers) {
            for (JsonPointer q = JsonPointer.compile(p); q != null; q = q.head()) {
                int[] at = found.get(q.toString());
                if (at != null) {
                    out.put(p, at);
                    break;
                }
            }
        }
        return out;
    }
}
