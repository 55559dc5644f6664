package dev.supervisor.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain's text is fixed, keyed chains catch recomputation, and refused records leave no gap. */
class AuditChainTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final byte[] KEY = new byte[32];

    @Test
    void keyedChain_rewrittenAndRecomputedRecord_isFound() {
        List<AuditRecord> sink = new ArrayList<>();
        AuditLog log = AuditLog.keyed(sink::add, clock, KEY);
        for (int i = 0; i < 4; i++) {
            log.record("authz_fail", "req-" + i, "u" + i, Map.of("n", i));
        }
        assertThat(AuditVerifier.firstBreak(sink, KEY)).isEmpty();
        // A forger rewrites record 2 and recomputes the whole chain: only the key tells.
        List<AuditRecord> forged = new ArrayList<>();
        String prev = "";
        for (AuditRecord r : sink) {
            AuditRecord d = new AuditRecord(r.sequence(), r.timestamp(), r.event(), r.correlationId(),
                    r.sequence() == 2 ? "mallory" : r.actor(), r.fields(), prev, "");
            AuditRecord h = new AuditRecord(d.sequence(), d.timestamp(), d.event(), d.correlationId(), d.actor(),
                    d.fields(), prev, AuditLog.hash(null, d.canonical()));
            forged.add(h);
            prev = h.hash();
        }
        assertThat(AuditVerifier.firstBreak(forged)).as("an unkeyed chain cannot tell").isEmpty();
        assertThat(AuditVerifier.firstBreak(forged, KEY)).hasValue("record 1 was altered");
    }

    @Test
    void chain_fieldOrder_doesNotChangeTheHash() {
        Map<String, Object> a = new LinkedHashMap<>();
        Map<String, Object> b = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            a.put("f" + i, i);
            b.put("f" + (19 - i), 19 - i);
        }
        AuditRecord ra = AuditLog.of(r -> { }, clock, true).record("x", "c", "a", a);
        AuditRecord rb = AuditLog.of(r -> { }, clock, true).record("x", "c", "a", b);
        assertThat(ra.hash()).isEqualTo(rb.hash());
        AuditRecord reloaded = new AuditRecord(ra.sequence(), ra.timestamp(), ra.event(), ra.correlationId(),
                ra.actor(), new HashMap<>(ra.fields()), ra.previousHash(), ra.hash());
        assertThat(AuditVerifier.firstBreak(List.of(reloaded))).isEmpty();
    }

    @Test
    void record_invalidRecordOrFailingSink_consumesNoSequenceNumber() {
        List<AuditRecord> sink = new ArrayList<>();
        boolean[] fail = {false};
        AuditLog log = AuditLog.of(r -> {
            if (fail[0]) {
                throw new IllegalStateException("disk full");
            }
            sink.add(r);
        }, clock, true);
        log.record("authn_login_fail", "c", "a", Map.of());
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        assertThatThrownBy(() -> log.record("authn_login_fail", "c", "a", nullKey))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.record("Bad Event\n", "c", "a", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("k", null);
        fail[0] = true;
        assertThatThrownBy(() -> log.record("authn_login_fail", "c", "a", nullValue)).hasMessage("disk full");
        fail[0] = false;
        log.record("authn_login_fail", "c", "a", nullValue);
        assertThat(sink).extracting(AuditRecord::sequence).containsExactly(1L, 2L);
        assertThat(AuditVerifier.firstBreak(sink)).isEmpty();
    }

    @Test
    void jsonLine_lineSeparatorsAndInvisibleControls_areEscaped() {
        AuditRecord r = AuditLog.of(x -> { }, clock, false).record("x", "c",
                "bob\u0085\u2028\u2029\u000b\u000c\u202e\u200b\ud800", Map.of("k", "\u001b[31mred"));
        assertThat(r.toJsonLine()).doesNotContain("\u0085").doesNotContain("\u2028").doesNotContain("\u2029")
                .doesNotContain("\u000b").doesNotContain("\u000c").doesNotContain("\u202e").doesNotContain("\u001b")
                .doesNotContain("\ud800").contains("\\u0085").contains("\\u202e");
    }
}
