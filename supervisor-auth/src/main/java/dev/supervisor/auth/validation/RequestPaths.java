package dev.supervisor.auth.validation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Canonical request paths for access rules: the query and fragment cut off, percent-decoded exactly once with
 * strict UTF-8, dot segments resolved, empty segments and the trailing slash dropped — so {@code /docs/../admin},
 * {@code /docs/%2e%2e/admin}, {@code //admin}, {@code /./admin} and {@code /%61dmin/} are all {@code /admin} (and
 * match {@code /admin} rules, not {@code /docs/*}). What cannot be made canonical safely is refused: control
 * characters, backslashes, {@code ;} path parameters, an encoded slash, backslash or NUL, a malformed escape,
 * overlong or invalid UTF-8 (such as {@code %c0%ae}), text still percent-encoded after one decoding (double
 * encoding), and segments of three or more dots or ending in a dot or space (which some servers silently trim).
 */
public final class RequestPaths {
    private RequestPaths() {
    }

    /**
     * @param rawPath the request path as received (a query or fragment is ignored)
     * @return the canonical path
     * @throws InvalidInputException if the path cannot be made canonical safely
     */
    public static String canonical(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() > 4096) {
            throw new InvalidInputException("path", "must start with '/' (at most 4096 characters)");
        }
        String path = rawPath;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            throw new InvalidInputException("path", "contains an encoded slash, backslash or NUL");
        }
        String decoded = decodeOnce(path);
        Deque<String> out = new ArrayDeque<>();
        for (String seg : decoded.split("/", -1)) {
            for (int i = 0; i < seg.length(); i++) {
                char c = seg.charAt(i);
                if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\\' || c == ';' || c == '\u2028' || c == '\u2029') {
                    throw new InvalidInputException("path", "contains a forbidden character");
                }
            }
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                out.pollLast();
            } else if (seg.endsWith(".") || seg.endsWith(" ")) {
                throw new InvalidInputException("path", "has a segment of dots or one ending in a dot or space");
            } else {
                out.addLast(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    /**
     * @param prefix a canonical path such as {@code /auth} (a trailing slash is ignored)
     * @param canonicalPath a path from {@link #canonical}
     * @return true if the path is the prefix or lies below it, on a segment boundary ({@code /authx} is not under
     *         {@code /auth})
     */
    public static boolean isUnder(String prefix, String canonicalPath) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return p.isEmpty() || canonicalPath.equals(p) || canonicalPath.startsWith(p + "/");
    }

    /**
     * @param pattern {@code /exact} or {@code /prefix/*} (any depth below the prefix)
     * @param rawPath the request path as received
     * @return true if the canonical path matches
     * @throws InvalidInputException if the path cannot be made canonical safely
     */
    public static boolean matches(String pattern, String rawPath) {
        String p = canonical(rawPath);
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return p.startsWith(prefix + "/");
        }
        return p.equals(pattern);
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static String decodeOnce(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteBuffer bytes = ByteBuffer.allocate(s.length() * 3);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new InvalidInputException("path", "has a malformed percent escape");
                }
                bytes.put((byte) (Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16)));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("path", "is not valid UTF-8 once decoded (overlong or malformed)");
        }
        for (int i = 0; i + 2 < decoded.length(); i++) {
            if (decoded.charAt(i) == '%' && Character.digit(decoded.charAt(i + 1), 16) >= 0
                    && Character.digit(decoded.charAt(i + 2), 16) >= 0) {
                throw new InvalidInputException("path", "is percent-encoded more than once");
            }
        }
        return decoded;
    }
}
