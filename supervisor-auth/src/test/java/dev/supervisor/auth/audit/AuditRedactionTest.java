package dev.supervisor.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.auth.apikey.ApiKeys;
import dev.supervisor.auth.mfa.Base32;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No generated secret reaches an audit line, whatever field it travels in. */
class AuditRedactionTest {
    private final List<AuditRecord> out = new ArrayList<>();
    private final AuditLog log = AuditLog.of(out::add, Clock.systemUTC(), false);

    /** Fails if any 8-character window of the secret survives into the line. */
    private static void assertNoPieceOf(String secret, String line) {
        for (int i = 0; i + 8 <= secret.length(); i++) {
            assertThat(line).as("piece %d of %s", i, secret).doesNotContain(secret.substring(i, i + 8));
        }
    }

    @Test
    void record_10000GeneratedApiKeys_inFreeText_noneLeavesEightSecretCharacters() {
        long seed = new SecureRandom().nextLong();
        System.out.println("AuditRedactionTest seed " + seed);
        SplittableRandom r = new SplittableRandom(seed);
        ApiKeys keys = ApiKeys.of(Clock.systemUTC(), new SecureRandom());
        String[] frames = {"%s", "key=%s", "X-Api-Key: %s", "\"%s\"", "(%s)", "auth %s done", "k:%s,", "token%s"};
        for (int i = 0; i < 10_000; i++) {
            String key = keys.create("owner-" + (i % 50), Set.of("s"), Duration.ofDays(1));
            String text = String.format(frames[r.nextInt(frames.length)], key);
            String line = log.record(AuditEvents.AUTHN_API_KEY_CREATED, "c", "a", Map.of("note", text))
                    .toJsonLine();
            assertNoPieceOf(key.substring(12, 55), line);
            out.clear();
            if (i % 50 == 49) {
                keys = ApiKeys.of(Clock.systemUTC(), new SecureRandom());
            }
        }
    }

    @Test
    void record_refreshTokensTotpSecretsAndJwts_inFreeText_areRedacted() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] b = new byte[32];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) r.nextInt(256);
            }
            String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            String totp = Base32.encode(java.util.Arrays.copyOf(b, 20));
            String std = Base64.getEncoder().encodeToString(b);
            String line = log.record("x", "c", "a", Map.of("note", "rt " + refresh + " totp " + totp + " b " + std))
                    .toJsonLine();
            assertNoPieceOf(refresh, line);
            assertNoPieceOf(totp, line);
            assertNoPieceOf(std, line);
        }
        String jwt = "ewogImFsZyI6ICJIUzI1NiIKfQ.e30.c2lnbmF0dXJlc2lnbmF0dXJl";
        assertThat(log.record("x", "c", "a", Map.of("note", "got " + jwt)).toJsonLine()).doesNotContain("ewogImFsZy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pwd", "passphrase", "pin", "private_key", "refresh", "session", "bearer", "auth",
        "userPassword", "refreshToken", "X-Auth", "sessionId", "clientSecret", "mfa_code", "otp", "PIN",
        "privateKey", "apiKey", "Authorization", "set-cookie"})
    void record_secretFieldNames_areRedacted(String name) {
        assertThat(log.record("x", "c", "a", Map.of(name, "hunter2")).fields()).containsEntry(name, "[redacted]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shipping", "spinner", "author", "keyId", "mapping", "path", "status"})
    void record_ordinaryFieldNames_areKept(String name) {
        assertThat(log.record("x", "c", "a", Map.of(name, "hunter2")).fields()).containsEntry(name, "hunter2");
    }

    @Test
    void record_assignmentsAndSchemesInFreeText_areRedacted() {
        String line = log.record("x", "c", "a", Map.of("body", "user=bob&password=hunter2&pin=1234 "
                + "Authorization: Bearer abc.def Basic dXNlcjpwYXNz")).toJsonLine();
        assertThat(line).doesNotContain("hunter2").doesNotContain("1234").doesNotContain("abc.def")
                .doesNotContain("dXNlcjpwYXNz").contains("user=bob");
    }

    @Test
    void record_hugeValue_isBoundedAndCheap() {
        String big = "eyJ".repeat(200_000);
        AuditRecord rec = log.record("x", "c", "a", Map.of("v", big, "w", "a".repeat(5_000)));
        assertThat(rec.fields().get("v")).startsWith("[omitted:");
        assertThat(rec.fields().get("w")).hasSizeLessThan(2_100);
    }
}
