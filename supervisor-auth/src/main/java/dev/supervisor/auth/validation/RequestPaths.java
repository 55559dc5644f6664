package dev.supervisor.auth.validation;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Canonical request paths for access rules: decoded once, dot segments resolved, no trailing slash, so
 * {@code /docs/../admin} and {@code /docs/%2e%2e/admin} are {@code /admin} (and match {@code /admin} rules, not
 * {@code /docs/*}), {@code /admin/} is {@code /admin}, and a path with control characters or an encoded slash is
 * refused.
 */
public final class RequestPaths {
    private RequestPaths() {
    }

    /**
     * @param rawPath the request path as received
     * @return the canonical path
     * @throws InvalidInputException if the path cannot be made canonical safely
     */
    public static String canonical(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() > 4096) {
            throw new InvalidInputException("path", "must start with '/' (at most 4096 characters)");
        }
        String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            throw new InvalidInputException("path", "contains an encoded slash, backslash or NUL");
        }
        String decoded = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
        Deque<String> out = new ArrayDeque<>();
        for (String seg : decoded.split("/")) {
            for (int i = 0; i < seg.length(); i++) {
                char c = seg.charAt(i);
                if (c < 0x20 || c == 0x7f || c == '\\' || c == ';') {
                    throw new InvalidInputException("path", "contains a forbidden character");
                }
            }
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                out.pollLast();
            } else {
                out.addLast(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    /**
     * @param pattern {@code /exact} or {@code /prefix/*} (any depth below the prefix)
     * @param rawPath the request path as received
     * @return true if the canonical path matches
     */
    public static boolean matches(String pattern, String rawPath) {
        String p = canonical(rawPath);
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return p.startsWith(prefix + "/");
        }
        return p.equals(pattern);
    }
}
