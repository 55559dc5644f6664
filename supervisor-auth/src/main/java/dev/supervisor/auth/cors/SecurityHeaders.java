package dev.supervisor.auth.cors;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Security headers for every response: HSTS, {@code nosniff}, a Content-Security-Policy without
 * {@code unsafe-eval} (and with {@code frame-ancestors}), a strict referrer policy and frame denial.
 */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    /** @return the defaults, with a CSP of {@code default-src 'self'} */
    public static Map<String, String> defaults() {
        return of("default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
                Duration.ofDays(365));
    }

    /**
     * @param contentSecurityPolicy the CSP to send
     * @param hstsMaxAge HSTS max-age
     * @return the headers
     * @throws IllegalArgumentException if the CSP allows {@code unsafe-eval} or lacks {@code frame-ancestors}
     */
    public static Map<String, String> of(String contentSecurityPolicy, Duration hstsMaxAge) {
        String csp = contentSecurityPolicy.toLowerCase(Locale.ROOT);
        if (csp.contains("'unsafe-eval'")) {
            throw new IllegalArgumentException("the Content-Security-Policy must not allow 'unsafe-eval'");
        }
        if (!csp.contains("frame-ancestors")) {
            throw new IllegalArgumentException("the Content-Security-Policy must set frame-ancestors");
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Strict-Transport-Security", "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Content-Security-Policy", contentSecurityPolicy);
        h.put("Referrer-Policy", "strict-origin-when-cross-origin");
        h.put("X-Frame-Options", "DENY");
        return Map.copyOf(h);
    }
}
