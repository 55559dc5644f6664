package dev.supervisor.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.auth.MutableClock;
import dev.supervisor.auth.mfa.Totp.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Lockouts end, escalate, can be lifted, and per-user state stays bounded. */
class TotpLockoutTest {
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private final MutableClock clock = MutableClock.at(Instant.ofEpochSecond(2_000_000_000L));
    private final TotpVerifier v = TotpVerifier.builder().clock(clock).maxFailures(3)
            .lockout(Duration.ofMinutes(1), Duration.ofMinutes(4)).maxUsers(100).build();

    private String code() {
        return Totp.totp(SEED, clock.instant().getEpochSecond(), 30, Algorithm.SHA1, 6);
    }

    private void fail(String user, int times) {
        for (int i = 0; i < times; i++) {
            v.verify(user, SEED, "000000".equals(code()) ? "111111" : "000000");
        }
    }

    @Test
    void lockout_endsByItself_andEscalatesUpToTheMaximum_1_2_4_4Minutes() {
        long[] minutes = new long[4];
        for (int k = 0; k < 4; k++) {
            fail("carol", 3);
            minutes[k] = v.lockedFor("carol").toMinutes();
            assertThat(v.verify("carol", SEED, code())).as("locked, even the right code").isFalse();
            clock.advance(v.lockedFor("carol"));
        }
        assertThat(minutes).containsExactly(1, 2, 4, 4);
        clock.advance(Duration.ofSeconds(30));
        assertThat(v.verify("carol", SEED, code())).isTrue();
    }

    @Test
    void reset_liftsTheLockout_butAUsedCodeStaysUsed() {
        String c = code();
        assertThat(v.verify("dave", SEED, c)).isTrue();
        fail("dave", 3);
        assertThat(v.isLocked("dave")).isTrue();
        v.reset("dave");
        assertThat(v.isLocked("dave")).isFalse();
        assertThat(v.verify("dave", SEED, c)).as("replay after reset").isFalse();
    }

    @Test
    void state_isForgottenWhenEmpty_andAFullTableFailsClosed() {
        for (int i = 0; i < 100; i++) {
            fail("u" + i, 1);
        }
        assertThat(v.trackedUsers()).isEqualTo(100);
        assertThat(v.verify("newcomer", SEED, code())).as("table full: refused, nothing forgotten").isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(v.trackedUsers()).isZero();
        assertThat(v.verify("newcomer", SEED, code())).isTrue();
    }

    @Test
    void secretsShorterThan128Bits_areRefused() {
        assertThatThrownBy(() -> v.verify("x", new byte[15], "123456")).hasMessageContaining("128 bits");
        assertThatThrownBy(() -> Totp.hotp(new byte[10], 0, Algorithm.SHA1, 6)).hasMessageContaining("128 bits");
        assertThatThrownBy(() -> v.enrollmentUri("S", "a", new byte[8])).hasMessageContaining("128 bits");
        assertThat(Totp.newSecret(new java.security.SecureRandom())).hasSize(20);
    }
}
