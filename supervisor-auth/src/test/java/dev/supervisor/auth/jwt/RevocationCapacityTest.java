package dev.supervisor.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.auth.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A full deny-list fails closed: no revoked token ever verifies again while it could still be accepted. */
class RevocationCapacityTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    private long iat() {
        return clock.instant().getEpochSecond() - 60;
    }

    @Test
    void revoke_10000DistinctSubjectsInto1000_everyRevokedTokenStaysRevoked() {
        RevokedTokens list = RevokedTokens.of(1_000, clock);
        Instant exp = clock.instant().plus(Duration.ofMinutes(15));
        int token = 0;
        int subject = 0;
        int all = 0;
        for (int i = 0; i < 10_000; i++) {
            switch (list.revoke("iss", "jti-" + i, "user-" + i, exp)) {
                case TOKEN -> token++;
                case SUBJECT -> subject++;
                case ALL -> all++;
                default -> throw new AssertionError();
            }
        }
        assertThat(token).isEqualTo(1_000);
        assertThat(subject).isEqualTo(1_000);
        assertThat(all).isEqualTo(8_000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(list.isRevoked("iss", "jti-" + i, "user-" + i, iat())).as("token %d", i).isTrue();
        }
        assertThat(list.size()).isLessThanOrEqualTo(1_000);
        assertThat(list.subjectRules()).isLessThanOrEqualTo(1_000);
        assertThat(list.everyoneRuleActive()).isTrue();
        assertThat(list.isRevoked("iss", "fresh", "newcomer", clock.instant().getEpochSecond() + 1))
                .as("tokens issued after the overflow are not affected").isFalse();
        clock.set(exp.plus(JwtVerifier.MAX_LEEWAY).plusSeconds(1));
        assertThat(list.size()).isZero();
        assertThat(list.everyoneRuleActive()).isFalse();
    }

    @Test
    void revoke_10000TokensOfOneSubjectInto1000_othersUnaffected() {
        RevokedTokens list = RevokedTokens.of(1_000, clock);
        Instant exp = clock.instant().plus(Duration.ofMinutes(15));
        for (int i = 0; i < 10_000; i++) {
            list.revoke("iss", "jti-" + i, "mallory", exp);
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(list.isRevoked("iss", "jti-" + i, "mallory", iat())).isTrue();
        }
        assertThat(list.everyoneRuleActive()).isFalse();
        assertThat(list.isRevoked("iss", "other", "alice", iat())).isFalse();
    }

    @Test
    void revoke_entryOutlivesExpByTheLargestLeeway() {
        RevokedTokens list = RevokedTokens.of(10, clock);
        Instant exp = clock.instant().plusSeconds(60);
        list.revoke("iss", "j", "s", exp);
        clock.set(exp.plus(JwtVerifier.MAX_LEEWAY).minusSeconds(1));
        assertThat(list.isRevoked("iss", "j", "s", iat())).as("a verifier with 5 min leeway still accepts it")
                .isTrue();
        clock.set(exp.plus(JwtVerifier.MAX_LEEWAY));
        assertThat(list.isRevoked("iss", "j", "s", iat())).isFalse();
    }

    @Test
    void verify_revokedTokenInsideTheLeeway_isStillRefused() {
        byte[] secret = new byte[32];
        long exp = clock.instant().getEpochSecond() + 30;
        String t = JwtSigner.of(null, JwsAlgorithm.HS256, new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"))
                .sign("JWT", java.util.Map.of("iss", "i", "aud", "a", "sub", "s", "jti", "j", "exp", exp, "iat",
                        clock.instant().getEpochSecond()));
        RevokedTokens list = RevokedTokens.of(10, clock);
        JwtVerifier v = JwtVerifier.builder().key(JwtKey.hmac(null, JwsAlgorithm.HS256, secret)).clock(clock)
                .leeway(JwtVerifier.MAX_LEEWAY).issuer("i").audience("a").revoked(list).build();
        list.revoke("i", "j", "s", Instant.ofEpochSecond(exp));
        clock.set(Instant.ofEpochSecond(exp + 200));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> v.verify(t)).hasMessage("token revoked");
    }
}
