package dev.supervisor.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.auth.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> reuses = new ArrayList<>();
    private final RefreshTokens tokens = RefreshTokens.of(TokenStore.inMemory(), clock, new SecureRandom(),
            Duration.ofDays(14), (subject, family) -> reuses.add("authn_token_reuse:" + subject));

    @Test
    void rotate_replayOfASpentToken_revokesTheWholeFamilyAndIsReported() {
        String r1 = tokens.issue("alice").token();
        String r2 = tokens.rotate(r1).token();
        clock.advance(Duration.ofSeconds(6)); // past the race window: a replay is theft, not two tabs refreshing at once
        assertThatThrownBy(() -> tokens.rotate(r1)).hasMessageContaining("reused");
        assertThat(reuses).containsExactly("authn_token_reuse:alice");
        assertThatThrownBy(() -> tokens.rotate(r2)).hasMessage("invalid refresh token");
    }

    @Test
    void rotate_twoConcurrentRefreshesOfOneToken_exactlyOneWins() throws Exception {
        for (int round = 0; round < 50; round++) {
            String r = tokens.issue("bob").token();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        tokens.rotate(r);
                        return true;
                    } catch (JwtException e) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int wins = 0;
            for (Future<Boolean> f : results) {
                wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertThat(wins).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void rotate_expiredOrUnknown_isRefused() {
        String r = tokens.issue("carol").token();
        assertThatThrownBy(() -> tokens.rotate("nope")).hasMessage("invalid refresh token");
        clock.advance(Duration.ofDays(15));
        assertThatThrownBy(() -> tokens.rotate(r)).hasMessage("invalid refresh token");
    }

    @Test
    void revokedTokens_expireWithTheirTokens() {
        RevokedTokens denied = RevokedTokens.of(1000, clock);
        denied.revoke("https://issuer", "jti-1", clock.instant().plus(Duration.ofMinutes(5)));
        denied.revoke("https://issuer", "already-expired", clock.instant().minus(Duration.ofMinutes(5)).minusSeconds(1));
        assertThat(denied.isRevoked("https://issuer", "jti-1", null, null)).isTrue();
        assertThat(denied.isRevoked("https://other", "jti-1", null, null)).isFalse();
        assertThat(denied.size()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(11));
        assertThat(denied.isRevoked("https://issuer", "jti-1", null, null)).isFalse();
        assertThat(denied.size()).isZero();
    }
}
