package dev.supervisor.auth.guard;

import java.util.Map;

/**
 * The guard's answer.
 *
 * @param status 200 to proceed, 429 when rate limited, 403 when the address is blocked, 400 when the path cannot
 *        be made canonical
 * @param headers response headers to send in every case
 * @param client the client address the decision was made for
 * @param reason a short machine-readable reason: {@code ok}, {@code rate_limited}, {@code blocked},
 *        {@code bad_path}
 */
public record GuardDecision(int status, Map<String, String> headers, String client, String reason) {

    /** @return true if the request may proceed */
    public boolean allowed() {
        return status < 400;
    }
}
