package dev.supervisor.auth.audit;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from audit fields, by field name and by shape, in time linear in the value's length: every
 * pattern is possessive or a hand-written scan, so a hostile value cannot make redaction backtrack.
 */
final class Redaction {
    static final String REDACTED = "[redacted]";
    /** Values longer than this are not scanned at all: they are replaced, so their cost stays bounded. */
    static final int MAX_SCANNED = 65_536;
    /** Longest value kept after redaction. */
    static final int MAX_KEPT = 2_048;
    /** Field-name words that mark a secret wherever they appear in the name. */
    private static final Set<String> SECRET_PARTS = Set.of("password", "passwd", "passphrase", "secret", "token",
            "apikey", "totp", "authorization", "cookie", "credential", "recovery", "privatekey", "refresh",
            "session", "bearer", "signature");
    /** Short words that mark a secret only as a whole word of the name ({@code pin}, not {@code shipping}). */
    private static final Set<String> SECRET_WORDS = Set.of("pwd", "pin", "otp", "auth", "oauth", "sid", "jwt",
            "mfa", "pass");
    private static final Pattern JWT = Pattern.compile("e[w-z][A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]++(?:\\.[A-Za-z0-9_-]*+)?");
    private static final Pattern API_KEY = Pattern.compile("(?<![A-Za-z0-9])(?i:sk)_[A-Za-z0-9_-]{8,}+");
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(bearer|basic|digest|negotiate)\\s++[^\\s,;\"']++");

    private Redaction() {
    }

    static boolean secretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String joined = lower.replaceAll("[^a-z0-9]", "");
        for (String p : SECRET_PARTS) {
            if (joined.contains(p)) {
                return true;
            }
        }
        // Words of camelCase, snake_case, kebab-case and dotted names.
        for (String w : name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (SECRET_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static String value(String name, String value) {
        if (value == null) {
            return null;
        }
        if (secretName(name)) {
            return REDACTED;
        }
        if (value.length() > MAX_SCANNED) {
            return "[omitted: " + value.length() + " characters]";
        }
        String v = SCHEME.matcher(value).replaceAll("$1 " + REDACTED);
        v = JWT.matcher(v).replaceAll(REDACTED);
        v = API_KEY.matcher(v).replaceAll(REDACTED);
        v = assignments(v);
        v = randomRuns(v);
        return v.length() > MAX_KEPT ? v.substring(0, MAX_KEPT) + "…[truncated]" : v;
    }

    /** {@code password=hunter2}, {@code "apiKey": "..."}: a value assigned to a secret-looking name. */
    private static String assignments(String v) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '=' && c != ':') {
                continue;
            }
            int end = i;
            while (end > 0 && (v.charAt(end - 1) == ' ' || v.charAt(end - 1) == '"' || v.charAt(end - 1) == '\'')) {
                end--;
            }
            int start = end;
            while (start > 0 && isNameChar(v.charAt(start - 1)) && end - start < 64) {
                start--;
            }
            if (start == end || !secretName(v.substring(start, end))) {
                continue;
            }
            int from = i + 1;
            while (from < v.length() && (v.charAt(from) == ' ' || v.charAt(from) == '"' || v.charAt(from) == '\'')) {
                from++;
            }
            int to = from;
            while (to < v.length() && " \"'&,;}\r\n\t".indexOf(v.charAt(to)) < 0) {
                to++;
            }
            if (to == from) {
                continue;
            }
            out = out == null ? new StringBuilder(v.length()) : out;
            out.append(v, copied, from).append(REDACTED);
            copied = to;
            i = to - 1;
        }
        return out == null ? v : out.append(v, copied, v.length()).toString();
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                || c == '.';
    }

    /**
     * Runs that look generated: base64/base62 text mixing cases and digits or using many distinct characters,
     * base32, long hex. Ordinary words and identifiers rarely qualify; when one does, it is over-redacted, which is
     * the safe side.
     */
    private static String randomRuns(String v) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < v.length()) {
            if (!isRunChar(v.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean upper = false;
            boolean lower = false;
            boolean digit = false;
            boolean base32 = true;
            boolean hex = true;
            long seenLow = 0;
            long seenHigh = 0;
            while (i < v.length() && isRunChar(v.charAt(i))) {
                char c = v.charAt(i);
                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
                digit |= c >= '0' && c <= '9';
                base32 &= c >= 'A' && c <= 'Z' || c >= '2' && c <= '7';
                hex &= c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
                if (c < 64) {
                    seenLow |= 1L << c;
                } else {
                    seenHigh |= 1L << (c - 64);
                }
                i++;
            }
            int len = i - start;
            int distinct = Long.bitCount(seenLow) + Long.bitCount(seenHigh);
            boolean secret = len >= 20 && upper && lower && digit || len >= 24 && distinct >= 16
                    || base32 && (len >= 16 && digit || len >= 24) || len >= 32 && hex && digit;
            if (secret) {
                out = out == null ? new StringBuilder(v.length()) : out;
                out.append(v, copied, start).append(REDACTED);
                copied = i;
            }
        }
        return out == null ? v : out.append(v, copied, v.length()).toString();
    }

    private static boolean isRunChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                || c == '+' || c == '/' || c == '=';
    }
}
