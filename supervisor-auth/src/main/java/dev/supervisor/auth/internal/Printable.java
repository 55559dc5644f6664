package dev.supervisor.auth.internal;

/**
 * Untrusted text inside messages that end up in logs: printable ASCII only (everything else, line breaks and
 * Unicode separators included, becomes {@code ?}) and at most 64 characters, so an exception message can neither
 * forge a log line nor carry a large payload.
 */
public final class Printable {
    private static final int MAX = 64;

    private Printable() {
    }

    /**
     * @param s untrusted text, or null
     * @return it quoted and made safe, e.g. {@code 'abc?def'}; {@code null} for null
     */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX) + 5).append('\'');
        for (int i = 0; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.append(s.length() > MAX ? "…'" : "'").toString();
    }

    /** @param c an untrusted character @return it quoted if printable ASCII, else its code point */
    public static String quote(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
