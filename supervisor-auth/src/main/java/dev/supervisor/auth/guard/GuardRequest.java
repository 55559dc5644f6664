package dev.supervisor.auth.guard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the guard sees of a request.
 *
 * @param method the HTTP method
 * @param path the request path
 * @param headers the headers (names in any case)
 * @param peer the connection's remote IP literal
 */
public record GuardRequest(String method, String path, Map<String, List<String>> headers, String peer) {

    /**
     * @throws NullPointerException if an argument is null
     */
    public GuardRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(peer, "peer");
    }

    /**
     * @param name a header name, any case
     * @return all its values joined by ", " (as HTTP allows), or null if absent
     */
    public String header(String name) {
        String want = name.toLowerCase(Locale.ROOT);
        StringBuilder sb = null;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(want)) {
                for (String v : e.getValue()) {
                    sb = sb == null ? new StringBuilder(v) : sb.append(", ").append(v);
                }
            }
        }
        return sb == null ? null : sb.toString();
    }
}
