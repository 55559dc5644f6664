package dev.supervisor.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final byte[] SECRET = new byte[32];
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final List<String> reuse = new ArrayList<>();

    private TokenService service() {
        RefreshTokens refresh = RefreshTokens.of(TokenStore.inMemory(), clock, new SecureRandom(), Duration.ofDays(7),
                Duration.ofDays(30), Duration.ZERO, (subject, family) -> reuse.add(subject));
        return TokenService.builder(JwtSigner.of("k1", JwsAlgorithm.HS256, new SecretKeySpec(SECRET, "HmacSHA256")),
                refresh).issuer("https://auth.example").audience("supervisor-api").clock(clock).build();
    }

    private JwtVerifier verifier() {
        return JwtVerifier.builder().key(JwtKey.hmac("k1", JwsAlgorithm.HS256, SECRET)).clock(clock)
                .issuer("https://auth.example").audience("supervisor-api").type(TokenService.ACCESS_TYPE)
                .maxLifetime(Duration.ofHours(1)).build();
    }

    @Test
    void login_issuesAnAccessTokenOurVerifierAccepts() {
        TokenService.TokenPair pair = service().login("alice", Map.of("roles", List.of("operator")));
        JwtVerifier.Verified v = verifier().verify(pair.accessToken());
        assertThat(v.claims().get("sub").asText()).isEqualTo("alice");
        assertThat(v.claims().get("roles").get(0).asText()).isEqualTo("operator");
        assertThat(pair.accessExpiresAt()).isEqualTo(Instant.parse("2026-01-01T00:15:00Z"));
        assertThat(pair.toString()).doesNotContain(pair.accessToken()).doesNotContain(pair.refreshToken());
    }

    @Test
    void refresh_rotates_andReplayRevokesTheFamily() {
        TokenService s = service();
        TokenService.TokenPair first = s.login("alice", Map.of());
        TokenService.TokenPair second = s.refresh(first.refreshToken(), Map.of());
        assertThat(second.subject()).isEqualTo("alice");
        assertThatThrownBy(() -> s.refresh(first.refreshToken(), Map.of())).hasMessageContaining("reused");
        assertThatThrownBy(() -> s.refresh(second.refreshToken(), Map.of())).isInstanceOf(JwtException.class);
        assertThat(reuse).containsExactly("alice");
    }

    @Test
    void reservedClaims_cannotBeOverridden() {
        assertThatThrownBy(() -> service().login("alice", Map.of("sub", "admin"))).hasMessageContaining("'sub'");
    }
}
