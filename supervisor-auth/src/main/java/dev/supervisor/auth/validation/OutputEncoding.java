package dev.supervisor.auth.validation;

import org.owasp.encoder.Encode;

/**
 * Contextual output encoding through the OWASP Java Encoder: encode at the sink, for the context the value lands
 * in. URL attributes need {@link SafeUrls} as well: encoding leaves {@code javascript:} intact.
 */
public final class OutputEncoding {
    private OutputEncoding() {
    }

    /** @param s text @return it, safe inside HTML element content or a quoted attribute */
    public static String html(String s) {
        return Encode.forHtml(s);
    }

    /** @param s text @return it, safe inside a quoted HTML attribute */
    public static String htmlAttribute(String s) {
        return Encode.forHtmlAttribute(s);
    }

    /** @param s text @return it, safe inside a JavaScript string literal in any context */
    public static String javaScript(String s) {
        return Encode.forJavaScript(s);
    }

    /** @param s text @return it, safe as one URI component (query value, path segment) */
    public static String uriComponent(String s) {
        return Encode.forUriComponent(s);
    }
}
