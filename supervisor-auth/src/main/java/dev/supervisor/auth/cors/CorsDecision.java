package dev.supervisor.auth.cors;

import java.util.Map;

/**
 * A CORS answer.
 *
 * @param allowed true if the browser should be told yes (for a preflight) or the response may be shared
 * @param headers the headers to add to the response (always includes {@code Vary})
 */
public record CorsDecision(boolean allowed, Map<String, String> headers) {
}
