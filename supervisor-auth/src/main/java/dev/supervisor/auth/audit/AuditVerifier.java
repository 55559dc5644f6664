package dev.supervisor.auth.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Checks a hash-chained audit log: every record's hash must cover its content and the previous record's hash,
 * and sequence numbers must run without gaps — so an edited, removed or reordered record is found. A SHA-256
 * chain can be recomputed by whoever can write the log; an HMAC chain ({@link AuditLog#keyed}) cannot without
 * the key. Removing records from the end is found only against an anchored {@link AuditLog#lastHash()}.
 */
public final class AuditVerifier {
    private AuditVerifier() {
    }

    /**
     * @param records a SHA-256-chained log in order, from its first record
     * @return empty if intact, else a description of the first break
     */
    public static Optional<String> firstBreak(List<AuditRecord> records) {
        return check(records, null);
    }

    /**
     * @param records an HMAC-chained log in order, from its first record
     * @param key the chain key
     * @return empty if intact, else a description of the first break
     */
    public static Optional<String> firstBreak(List<AuditRecord> records, byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the audit chain key must be at least 32 bytes");
        }
        return check(records, key);
    }

    private static Optional<String> check(List<AuditRecord> records, byte[] key) {
        String prev = "";
        long expected = records.isEmpty() ? 0 : records.get(0).sequence();
        for (AuditRecord r : records) {
            if (r.sequence() != expected) {
                return Optional.of("record " + expected + " is missing (found " + r.sequence() + ")");
            }
            if (!same(r.previousHash(), prev)) {
                return Optional.of("record " + r.sequence() + " does not follow the record before it");
            }
            if (!same(AuditLog.hash(key, r.canonical()), r.hash())) {
                return Optional.of("record " + r.sequence() + " was altered");
            }
            prev = r.hash();
            expected++;
        }
        return Optional.empty();
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
