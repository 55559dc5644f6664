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
        StringBuilder b = new StringBuilder("{\"type\":\"urn:supervisor:problem:").append(type(status))
                .append("\",\"title\":\"").append(title(status)).append("\",\"status\":").append(status)
                .append(",\"detail\":\"").append(json(detail)).append("\",\"instance\":\"")
                .append(json(request.getRequestURI())).append('"');
        if (permission != null) {
            b.append(",\"permission\":\"").append(json(permission)).append('"');
        }
        response.getWriter().write(b.append('}').toString());
    }

    private static String type(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 429 -> "rate-limited";
            default -> "request";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 429 -> "Too Many Requests";
            default -> "Error";
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
