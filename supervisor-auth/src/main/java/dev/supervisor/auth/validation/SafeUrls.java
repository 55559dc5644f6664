package dev.supervisor.auth.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks URLs that end up in links and attributes against a scheme allow-list, after undoing the disguises
 * browsers see through: surrounding spaces and control characters, tabs and newlines inside the scheme, HTML
 * character references ({@code &#106;}, {@code &#x6A;}, {@code &colon;}) and letter case.
 */
public final class SafeUrls {
    private SafeUrls() {
    }

    /**
     * @param field the input's name
     * @param url the URL
     * @param schemes allowed schemes in lower case, e.g. {@code Set.of("https")}
     * @return the URL, trimmed
     * @throws InvalidInputException if the scheme is not allowed or the URL is malformed
     */
    public static String check(String field, String url, Set<String> schemes) {
        if (url == null || url.length() > 8192) {
            throw new InvalidInputException(field, "must be a URL of at most 8192 characters");
        }
        String seen = decodeReferences(url);
        StringBuilder stripped = new StringBuilder();
        for (int i = 0; i < seen.length(); i++) {
            char c = seen.charAt(i);
            if (c > 0x20 && c != 0x7f) {
                stripped.append(c);
            }
        }
        String s = stripped.toString();
        int colon = s.indexOf(':');
        int slash = s.indexOf('/');
        if (colon < 0 || slash >= 0 && slash < colon) {
            throw new InvalidInputException(field, "must be an absolute URL with one of the schemes " + schemes);
        }
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new InvalidInputException(field, "scheme '" + abbreviate(scheme) + "' is not allowed; allowed: "
                    + schemes);
        }
        try {
            URI u = new URI(url.trim());
            if (u.getHost() == null && (scheme.equals("http") || scheme.equals("https"))) {
                throw new InvalidInputException(field, "has no host");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "is not a valid URL");
        }
        return url.trim();
    }

    /** Numeric references (with or without ';', as browsers read them) and the named ones that spell a scheme. */
    private static String decodeReferences(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&' && i + 1 < s.length() && s.charAt(i + 1) == '#') {
                boolean hex = i + 2 < s.length() && (s.charAt(i + 2) == 'x' || s.charAt(i + 2) == 'X');
                int j = i + (hex ? 3 : 2);
                long cp = 0;
                int digits = 0;
                while (j < s.length() && Character.digit(s.charAt(j), hex ? 16 : 10) >= 0 && digits < 8) {
                    cp = cp * (hex ? 16 : 10) + Character.digit(s.charAt(j), hex ? 16 : 10);
                    j++;
                    digits++;
                }
                if (digits > 0 && cp <= Character.MAX_CODE_POINT) {
                    sb.appendCodePoint((int) cp);
                    i = j < s.length() && s.charAt(j) == ';' ? j + 1 : j;
                    continue;
                }
            } else if (c == '&') {
                String rest = s.substring(i + 1, Math.min(s.length(), i + 10)).toLowerCase(Locale.ROOT);
                String[][] named = {{"colon", ":"}, {"tab", "\t"}, {"newline", "\n"}};
                boolean matched = false;
                for (String[] n : named) {
                    if (rest.startsWith(n[0])) {
                        sb.append(n[1]);
                        int j = i + 1 + n[0].length();
                        i = j < s.length() && s.charAt(j) == ';' ? j + 1 : j;
                        matched = true;
                        break;
                    }
                }
                if (matched) {
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
