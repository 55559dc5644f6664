package dev.supervisor.auth.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to one request: allowed or not, and the response headers that say so. A refusal is a 429, never a
 * 500.
 *
 * @param allowed true if the request may proceed
 * @param limit the capacity of the tightest bandwidth ({@code X-RateLimit-Limit})
 * @param remaining whole tokens left ({@code X-RateLimit-Remaining})
 * @param resetSeconds seconds until the bucket is full again ({@code X-RateLimit-Reset}, as a delta)
 * @param retryAfterSeconds when refused, seconds until the request would fit ({@code Retry-After}); else 0
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds,
                                long retryAfterSeconds) {

    /** @return 200 when allowed, 429 when refused */
    public int status() {
        return allowed ? 200 : 429;
    }

    /** @return the headers to send, in a stable order */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-RateLimit-Limit", Long.toString(limit));
        h.put("X-RateLimit-Remaining", Long.toString(remaining));
        h.put("X-RateLimit-Reset", Long.toString(resetSeconds));
        if (!allowed) {
            h.put("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        }
        return h;
    }
}
