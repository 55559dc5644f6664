package dev.supervisor.auth.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds audit records, redacts secrets, optionally chains them by SHA-256, and hands them to a sink.
 *
 * <p>Redaction is by type: fields whose name says password, token, secret, API key, TOTP or authorization are
 * always replaced, and so is any value shaped like a JWT or a Supervisor API key, whatever its field name.
 */
public final class AuditLog {
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "token", "secret", "apikey",
            "api_key", "totp", "otp", "authorization", "cookie", "credential", "recovery");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern API_KEY = Pattern.compile("sk_[A-Za-z0-9_]{16,}");
    static final String REDACTED = "[redacted]";

    private final AuditSink sink;
    private final Clock clock;
    private final boolean chained;
    private long sequence;
    private String lastHash = "";

    private AuditLog(AuditSink sink, Clock clock, boolean chained) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chained = chained;
    }

    /**
     * @param sink where records go
     * @param clock timestamps
     * @param chained true to chain records by hash
     * @return the log
     */
    public static AuditLog of(AuditSink sink, Clock clock, boolean chained) {
        return new AuditLog(sink, clock, chained);
    }

    /**
     * Records an event.
     *
     * @param event an OWASP vocabulary name from {@link AuditEvents}
     * @param correlationId the request or run id
     * @param actor who
     * @param fields details (secrets are redacted)
     * @return the stored record
     */
    public synchronized AuditRecord record(String event, String correlationId, String actor, Map<String, ?> fields) {
        Map<String, String> safe = new LinkedHashMap<>();
        fields.forEach((k, v) -> safe.put(k, redact(k, v == null ? null : String.valueOf(v))));
        long seq = ++sequence;
        AuditRecord draft = new AuditRecord(seq, clock.instant(), event, correlationId, actor, Map.copyOf(safe),
                chained ? lastHash : "", "");
        AuditRecord r = draft;
        if (chained) {
            String hash = sha256(draft.canonical());
            r = new AuditRecord(seq, draft.timestamp(), event, correlationId, actor, draft.fields(), lastHash, hash);
            lastHash = hash;
        }
        sink.accept(r);
        return r;
    }

    static String redact(String key, String value) {
        if (value == null) {
            return null;
        }
        String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (String w : SECRET_WORDS) {
            if (k.contains(w.replace("_", ""))) {
                return REDACTED;
            }
        }
        String v = JWT.matcher(value).replaceAll(REDACTED);
        return API_KEY.matcher(v).replaceAll(REDACTED);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
