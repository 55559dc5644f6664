package dev.supervisor.spring.boot.autoconfigure.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refusals as RFC 9457 problem details ({@code application/problem+json}), typed like the REST API's own errors:
 * {@code urn:supervisor:problem:<name>}, with the request path as the instance.
 */
final class Problems {
    private Problems() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:supervisor:problem:" + type(status) + "\",\"title\":\""
                + title(status) + "\",\"status\":" + status + ",\"detail\":\"" + json(detail) + "\",\"instance\":\""
                + json(request.getRequestURI()) + "\"}");
    }

    private static String type(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 429 -> "rate-limited";
            default -> "refused";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 429 -> "Too Many Requests";
            default -> "Refused";
        };
    }

    /** Escapes for a JSON string; control characters become spaces (details are short, printable texts). */
    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else {
                b.append(c < 0x20 ? ' ' : c);
            }
        }
        return b.toString();
    }
}
