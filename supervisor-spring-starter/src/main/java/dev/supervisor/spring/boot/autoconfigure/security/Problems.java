package dev.supervisor.spring.boot.autoconfigure.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refusals as RFC 9457 problem details ({@code application/problem+json}), in the REST API's shape: a type
 * {@code urn:supervisor:problem:<name>}, the request path as {@code instance}, and for a missing permission the
 * permission as {@code permission}. A client of the API reads one format whether the security filters or the API
 * itself refused it.
 */
final class Problems {
    private Problems() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        write(request, response, status, detail, null);
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail,
                      String permission) throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String[] kind = kind(status);
        StringBuilder b = new StringBuilder("{\"type\":\"urn:supervisor:problem:").append(kind[0])
                .append("\",\"title\":\"").append(kind[1]).append("\",\"status\":").append(status)
                .append(",\"detail\":\"").append(json(detail)).append("\",\"instance\":\"")
                .append(json(request.getRequestURI())).append('"');
        if (permission != null) {
            b.append(",\"permission\":\"").append(json(permission)).append('"');
        }
        response.getWriter().write(b.append('}').toString());
    }

    /** @return the problem type's name and the title of a status */
    private static String[] kind(int status) {
        return switch (status) {
            case 400 -> new String[] {"bad-request", "Bad Request"};
            case 401 -> new String[] {"unauthenticated", "Unauthorized"};
            case 403 -> new String[] {"forbidden", "Forbidden"};
            case 429 -> new String[] {"rate-limited", "Too Many Requests"};
            default -> new String[] {"request", "Error"};
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
