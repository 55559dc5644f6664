package dev.supervisor.auth.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds audit records, redacts secrets, optionally chains them by hash, and hands them to a sink.
 *
 * <p>Redaction is by field name and by shape: fields whose name says password, passphrase, pwd, pin, secret,
 * token, refresh, session, bearer, auth, cookie, credential, private key, API key, TOTP or recovery are always
 * replaced, and so are, in any field, values shaped like a JWT, a Supervisor API key, an {@code Authorization}
 * credential, a {@code name=value} pair with such a name, or a generated secret (long base64, base32 or hex runs).
 * Values are bounded (scanned up to 64 Ki characters, kept up to 2 Ki).
 *
 * <p>A chain is either SHA-256 (finds accidental edits and removals) or HMAC-SHA256 under a key kept away from
 * the log ({@link #keyed}): then a forger who rewrites records and recomputes the chain is found too. A record
 * is numbered only once it is valid and its sink has accepted it: a refused event, bad fields or a failing sink
 * leave no gap.
 */
public final class AuditLog {
    private static final Pattern EVENT = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final AuditSink sink;
    private final Clock clock;
    private final boolean chained;
    private final byte[] key;
    private long sequence;
    private String lastHash = "";

    private AuditLog(AuditSink sink, Clock clock, boolean chained, byte[] key) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chained = chained;
        this.key = key;
    }

    /**
     * @param sink where records go
     * @param clock timestamps
     * @param chained true to chain records by SHA-256
     * @return the log
     */
    public static AuditLog of(AuditSink sink, Clock clock, boolean chained) {
        return new AuditLog(sink, clock, chained, null);
    }

    /**
     * @param sink where records go
     * @param clock timestamps
     * @param key the HMAC-SHA256 key of the chain, at least 32 bytes, stored apart from the log
     * @return a log chained by HMAC: {@link AuditVerifier#firstBreak(java.util.List, byte[])} checks it
     * @throws IllegalArgumentException if the key is shorter than 32 bytes
     */
    public static AuditLog keyed(AuditSink sink, Clock clock, byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the audit chain key must be at least 32 bytes");
        }
        return new AuditLog(sink, clock, true, key.clone());
    }

    /**
     * Records an event.
     *
     * @param event an OWASP vocabulary name from {@link AuditEvents} ({@code [a-z][a-z0-9_]*}, at most 64)
     * @param correlationId the request or run id
     * @param actor who
     * @param fields details (secrets are redacted; names of at most 128 characters)
     * @return the stored record
     * @throws IllegalArgumentException if the event or a field name is malformed (nothing is recorded)
     */
    public synchronized AuditRecord record(String event, String correlationId, String actor, Map<String, ?> fields) {
        if (event == null || !EVENT.matcher(event).matches()) {
            throw new IllegalArgumentException("audit event must match [a-z][a-z0-9_]{0,63}");
        }
        Map<String, String> safe = new HashMap<>();
        if (fields != null) {
            for (Map.Entry<String, ?> e : fields.entrySet()) {
                String k = e.getKey();
                if (k == null || k.isEmpty() || k.length() > 128) {
                    throw new IllegalArgumentException("audit field names must be 1 to 128 characters");
                }
                Object v = e.getValue();
                safe.put(k, Redaction.value(k, v == null ? null : String.valueOf(v)));
            }
        }
        long seq = sequence + 1;
        AuditRecord r = new AuditRecord(seq, clock.instant(), event, bounded(correlationId), bounded(actor), safe,
                chained ? lastHash : "", "");
        if (chained) {
            r = new AuditRecord(seq, r.timestamp(), event, r.correlationId(), r.actor(), r.fields(), lastHash,
                    hash(key, r.canonical()));
        }
        sink.accept(r);
        sequence = seq;
        if (chained) {
            lastHash = r.hash();
        }
        return r;
    }

    private static String bounded(String s) {
        return s == null || s.length() <= 256 ? s : s.substring(0, 256) + "…";
    }

    /** @return the hash of the last record (anchor it elsewhere to detect truncation), "" if none */
    public synchronized String lastHash() {
        return lastHash;
    }

    static String hash(byte[] key, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (key == null) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 and HmacSHA256 are required of every JVM", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 refused the chain key", e);
        }
    }
}
