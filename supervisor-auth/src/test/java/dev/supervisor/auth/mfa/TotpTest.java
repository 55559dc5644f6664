package dev.supervisor.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.auth.mfa.Totp.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {
    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

    @Test
    void hotp_rfc4226AppendixD() {
        String[] want = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
            "520489"};
        for (int c = 0; c < 10; c++) {
            assertThat(Totp.hotp(SHA1_SEED, c, Algorithm.SHA1, 6)).isEqualTo(want[c]);
        }
    }

    @ParameterizedTest
    @CsvSource({"59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826"})
    void totp_rfc6238AppendixB(long time, String sha1, String sha256, String sha512) {
        assertThat(Totp.totp(SHA1_SEED, time, 30, Algorithm.SHA1, 8)).isEqualTo(sha1);
        assertThat(Totp.totp(SHA256_SEED, time, 30, Algorithm.SHA256, 8)).isEqualTo(sha256);
        assertThat(Totp.totp(SHA512_SEED, time, 30, Algorithm.SHA512, 8)).isEqualTo(sha512);
        assertThat(Totp.totp(SHA1_SEED, time, 30, Algorithm.SHA1, 6)).isEqualTo(sha1.substring(2));
    }

    private TotpVerifier verifierAt(long epoch) {
        return TotpVerifier.of(Clock.fixed(Instant.ofEpochSecond(epoch), ZoneOffset.UTC), Algorithm.SHA1, 6, 5);
    }

    @Test
    void verify_oneStepOfDriftAccepted_twoRejected() {
        long t = 1_111_111_111L;
        String before = Totp.totp(SHA1_SEED, t - 30, 30, Algorithm.SHA1, 6);
        String after = Totp.totp(SHA1_SEED, t + 30, 30, Algorithm.SHA1, 6);
        String twoAway = Totp.totp(SHA1_SEED, t + 60, 30, Algorithm.SHA1, 6);
        assertThat(verifierAt(t).verify("a", SHA1_SEED, before)).isTrue();
        assertThat(verifierAt(t).verify("b", SHA1_SEED, after)).isTrue();
        assertThat(verifierAt(t).verify("c", SHA1_SEED, twoAway)).isFalse();
    }

    @Test
    void verify_sameCodeOrOlderStepTwice_isAReplay() {
        long t = 1_234_567_890L;
        TotpVerifier v = verifierAt(t);
        String now = Totp.totp(SHA1_SEED, t, 30, Algorithm.SHA1, 6);
        String older = Totp.totp(SHA1_SEED, t - 30, 30, Algorithm.SHA1, 6);
        assertThat(v.verify("alice", SHA1_SEED, now)).isTrue();
        assertThat(v.verify("alice", SHA1_SEED, now)).isFalse();
        assertThat(v.verify("alice", SHA1_SEED, older)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {" 287082", "28708", "2870820", "28708a", "２８７０８２", ""})
    void verify_malformedCodes_areRejected(String code) {
        assertThat(verifierAt(59).verify("bob", SHA1_SEED, code)).isFalse();
    }

    @Test
    void verify_lockoutAfterRepeatedFailures_evenForTheRightCode() {
        long t = 2_000_000_000L;
        TotpVerifier v = verifierAt(t);
        for (int i = 0; i < 5; i++) {
            v.verify("carol", SHA1_SEED, "000000");
        }
        assertThat(v.isLocked("carol")).isTrue();
        assertThat(v.verify("carol", SHA1_SEED, Totp.totp(SHA1_SEED, t, 30, Algorithm.SHA1, 6))).isFalse();
    }

    @Test
    void enrollmentUri_carriesBase32SecretAndParameters() {
        assertThat(verifierAt(0).enrollmentUri("Supervisor", "alice@example.com", SHA1_SEED))
                .isEqualTo("otpauth://totp/Supervisor:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Supervisor&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void recoveryCodes_areSingleUse() {
        List<String> shown = new ArrayList<>();
        RecoveryCodes codes = RecoveryCodes.generate(8, new SecureRandom(), shown);
        assertThat(shown).hasSize(8).doesNotHaveDuplicates();
        assertThat(codes.redeem(shown.get(0))).isTrue();
        assertThat(codes.redeem(shown.get(0))).isFalse();
        assertThat(codes.redeem(shown.get(1).toLowerCase())).isTrue();
        assertThat(codes.remaining()).isEqualTo(6);
    }
}
