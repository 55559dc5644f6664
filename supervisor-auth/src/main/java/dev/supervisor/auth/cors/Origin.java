package dev.supervisor.auth.cors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A normalised web origin: scheme, lower-case host and explicit port (default ports filled in), so
 * {@code https://App.example.com} and {@code https://app.example.com:443} are the same origin and
 * {@code http://app.example.com} is not.
 *
 * @param scheme http or https
 * @param host the host, lower case
 * @param port the port
 */
public record Origin(String scheme, String host, int port) {

    /**
     * @param text an Origin header value
     * @return the origin
     * @throws IllegalArgumentException if it is not {@code scheme://host[:port]} with http or https
     */
    public static Origin parse(String text) {
        URI u;
        try {
            u = new URI(text);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not an origin: '" + text + "'");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || u.getRawUserInfo() != null
                || u.getRawPath() != null && !u.getRawPath().isEmpty() || u.getRawQuery() != null
                || u.getRawFragment() != null) {
            throw new IllegalArgumentException("not an origin: '" + text + "'");
        }
        int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        return new Origin(scheme, u.getHost().toLowerCase(Locale.ROOT), port);
    }

    @Override
    public String toString() {
        boolean defaultPort = scheme.equals("https") ? port == 443 : port == 80;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
