package dev.supervisor.auth.audit;

import java.util.List;
import java.util.Optional;

/**
 * Checks a hash-chained audit log: every record's hash must cover its content and the previous record's hash,
 * and sequence numbers must run without gaps — so an edited, removed or reordered record is found.
 */
public final class AuditVerifier {
    private AuditVerifier() {
    }

    /**
     * @param records the log in order, from its first record
     * @return empty if intact, else a description of the first break
     */
    public static Optional<String> firstBreak(List<AuditRecord> records) {
        String prev = "";
        long expected = records.isEmpty() ? 0 : records.get(0).sequence();
        for (AuditRecord r : records) {
            if (r.sequence() != expected) {
                return Optional.of("record " + expected + " is missing (found " + r.sequence() + ")");
            }
            if (!r.previousHash().equals(prev)) {
                return Optional.of("record " + r.sequence() + " does not follow the record before it");
            }
            if (!AuditLog.sha256(r.canonical()).equals(r.hash())) {
                return Optional.of("record " + r.sequence() + " was altered");
            }
            prev = r.hash();
            expected++;
        }
        return Optional.empty();
    }
}
