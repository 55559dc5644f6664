package dev.supervisor.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditLogTest {
    private final List<AuditRecord> sink = new ArrayList<>();
    private final AuditLog log = AuditLog.of(sink::add, Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"),
            ZoneOffset.UTC), true);

    @Test
    void record_secretsAreRedactedByTypeWhateverTheFieldName() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("password", "hunter2");
        fields.put("X-Api-Key", "sk_live_abcdefghijklmnop1234");
        fields.put("totpSecret", "JBSWY3DPEHPK3PXP");
        fields.put("note", "bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl sent");
        fields.put("body", "key=sk_live_abcdefghijklmnop1234");
        AuditRecord r = log.record(AuditEvents.AUTHN_LOGIN_FAIL, "req-1", "alice", fields);
        String line = r.toJsonLine();
        assertThat(line).doesNotContain("hunter2").doesNotContain("sk_live_abcdefghijklmnop1234")
                .doesNotContain("JBSWY3DPEHPK3PXP").doesNotContain("eyJhbGciOiJIUzI1NiJ9")
                .contains("\"event\":\"authn_login_fail\"").contains("[redacted] sent");
    }

    @Test
    void record_crlfInjection_cannotForgeALine() {
        AuditRecord r = log.record(AuditEvents.AUTHZ_FAIL, "req-2", "bob\r\n{\"event\":\"authn_login_success\"}",
                Map.of("path", "/admin\nfake: entry\u2028x"));
        String line = r.toJsonLine();
        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u2028")
                .contains("bob\\r\\n{\\\"event\\\"");
    }

    @Test
    void verifier_intactChain_passes_andEditOrRemovalIsFound() {
        for (int i = 0; i < 5; i++) {
            log.record(AuditEvents.EXCESS_RATE_LIMIT_EXCEEDED, "req-" + i, "203.0.113." + i, Map.of("n", i));
        }
        assertThat(AuditVerifier.firstBreak(sink)).isEmpty();

        List<AuditRecord> edited = new ArrayList<>(sink);
        AuditRecord r = edited.get(2);
        edited.set(2, new AuditRecord(r.sequence(), r.timestamp(), r.event(), r.correlationId(), "someone-else",
                r.fields(), r.previousHash(), r.hash()));
        assertThat(AuditVerifier.firstBreak(edited)).hasValue("record 3 was altered");

        List<AuditRecord> removed = new ArrayList<>(sink);
        removed.remove(3);
        assertThat(AuditVerifier.firstBreak(removed)).hasValue("record 4 is missing (found 5)");
    }
}
