package dev.supervisor.auth.validation;

import dev.supervisor.auth.audit.AuditLog;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Flags input that looks like SQL injection so it can be audited ({@code malicious_sqli}). It never blocks: the
 * defence is parameterised queries, and names such as {@code O'Brian} are legitimate.
 */
public final class InjectionSignals {
    /** The audit event name of a flagged value. */
    public static final String MALICIOUS_SQLI = "malicious_sqli";
    // Possessive quantifiers only: a hostile value cannot make the signal backtrack. Comments are found by indexOf.
    private static final Pattern SQLI = Pattern.compile("(?i)('\\s*+(or|and)\\s*+'?\\w++'?\\s*+=\\s*+'?\\w++)"
            + "|(\\bunion\\s++(all\\s++)?select\\b)|(;\\s*+(drop|delete|insert|update|alter)\\b)|(--\\s*+$)"
            + "|(\\bsleep\\s*+\\()|(\\bwaitfor\\s++delay\\b)");

    private InjectionSignals() {
    }

    /**
     * @param value any input
     * @return true if it resembles SQL injection
     */
    public static boolean looksLikeSqlInjection(String value) {
        if (value == null || value.length() > 10_000) {
            return false;
        }
        int comment = value.indexOf("/*");
        return comment >= 0 && value.indexOf("*/", comment + 2) >= 0 || SQLI.matcher(value).find();
    }

    /**
     * Audits suspicious input and returns it unchanged.
     *
     * @param audit the audit log
     * @param correlationId the request id
     * @param field the input's name
     * @param value the input
     * @return the value, never altered or refused
     */
    public static String flag(AuditLog audit, String correlationId, String field, String value) {
        if (looksLikeSqlInjection(value)) {
            audit.record(MALICIOUS_SQLI, correlationId, "-", Map.of("field", field, "sample",
                    value.length() > 100 ? value.substring(0, 100) : value));
        }
        return value;
    }
}
