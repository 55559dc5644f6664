package dev.supervisor.core.provider.internal;

import dev.supervisor.api.provider.FailureKind;
import java.util.Locale;

/** Classifies an error text (a CLI's error message, an API's error type) into a failure kind. */
final class Failures {
    private Failures() {
    }

    static FailureKind classify(String text, FailureKind fallback) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (t.contains("overloaded") || t.contains("529")) {
            return FailureKind.OVERLOADED;
        }
        if (t.contains("rate limit") || t.contains("rate_limit") || t.contains("429") || t.contains("too many requests")
                || t.contains("resource_exhausted") || t.contains("resource exhausted")) {
            return FailureKind.RATE_LIMITED;
        }
        if (t.contains("quota") || t.contains("usage limit") || t.contains("insufficient_quota")) {
            return FailureKind.QUOTA_EXHAUSTED;
        }
        if (t.contains("prompt is too long") || t.contains("context_length") || t.contains("context window")
                || t.contains("maximum context") || t.contains("too many tokens")) {
            return FailureKind.CONTEXT_OVERFLOW;
        }
        if (t.contains("authentication") || t.contains("unauthorized") || t.contains("invalid api key")
                || t.contains("invalid x-api-key") || t.contains("401") || t.contains("permission_error")
                || t.contains("please run /login") || t.contains("not logged in")) {
            return FailureKind.AUTH;
        }
        if (t.contains("invalid_request") || t.contains("bad request") || t.contains("400")) {
            return FailureKind.BAD_REQUEST;
        }
        if (t.contains("timed out") || t.contains("timeout")) {
            return FailureKind.TIMEOUT;
        }
        if (t.contains("503") || t.contains("502") || t.contains("unavailable") || t.contains("connection")) {
            return FailureKind.UNAVAILABLE;
        }
        return fallback;
    }

    /** Cuts a message to a readable length. */
    static String shorten(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() <= 500 ? t : t.substring(0, 500) + "…";
    }
}
