package dev.supervisor.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.auth.apikey.ApiKeys;
import dev.supervisor.auth.audit.AuditEvents;
import dev.supervisor.auth.audit.AuditLog;
import dev.supervisor.auth.audit.AuditRecord;
import dev.supervisor.auth.audit.AuditVerifier;
import dev.supervisor.auth.cors.CorsPolicy;
import dev.supervisor.auth.guard.GuardDecision;
import dev.supervisor.auth.guard.GuardRequest;
import dev.supervisor.auth.guard.RequestGuard;
import dev.supervisor.auth.jwt.JwsAlgorithm;
import dev.supervisor.auth.jwt.JwtException;
import dev.supervisor.auth.jwt.JwtKey;
import dev.supervisor.auth.jwt.JwtSigner;
import dev.supervisor.auth.jwt.JwtVerifier;
import dev.supervisor.auth.jwt.RefreshTokens;
import dev.supervisor.auth.jwt.RevokedTokens;
import dev.supervisor.auth.jwt.TokenService;
import dev.supervisor.auth.jwt.TokenStore;
import dev.supervisor.auth.mfa.Totp;
import dev.supervisor.auth.mfa.TotpVerifier;
import dev.supervisor.auth.net.Cidr;
import dev.supervisor.auth.net.ClientAddress;
import dev.supervisor.auth.password.Pbkdf2Hasher;
import dev.supervisor.auth.ratelimit.IpBlocker;
import dev.supervisor.auth.ratelimit.KeyedRateLimiter;
import dev.supervisor.auth.ratelimit.RateLimitTiers;
import dev.supervisor.auth.ratelimit.TimeSource;
import dev.supervisor.auth.rbac.Authorizer;
import dev.supervisor.auth.rbac.NewUser;
import dev.supervisor.auth.rbac.PresetRoles;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The examples of docs/security.md, run as tests. */
class SecurityGuideTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private final byte[] signingSecret = new byte[32];

    @Test
    void tokens_issueVerifyRefreshRevoke() {
        // tag::tokens[]
        JwtSigner signer = JwtSigner.of("k1", JwsAlgorithm.HS256, new SecretKeySpec(signingSecret, "HmacSHA256"));
        RefreshTokens refresh = RefreshTokens.of(TokenStore.inMemory(), clock, new SecureRandom(),
                Duration.ofDays(14), Duration.ofDays(90), Duration.ofSeconds(5),
                (subject, family) -> System.out.println("authn_token_reuse " + subject));
        TokenService tokens = TokenService.builder(signer, refresh).issuer("https://auth.example")
                .audience("supervisor-api").clock(clock).build();
        RevokedTokens revoked = RevokedTokens.of(100_000, clock);
        JwtVerifier verifier = JwtVerifier.builder().key(JwtKey.hmac("k1", JwsAlgorithm.HS256, signingSecret))
                .issuer("https://auth.example").audience("supervisor-api").type(TokenService.ACCESS_TYPE)
                .maxLifetime(Duration.ofHours(1)).revoked(revoked).clock(clock).build();

        TokenService.TokenPair pair = tokens.login("alice", Map.of("roles", List.of("operator")));
        JwtVerifier.Verified access = verifier.verify(pair.accessToken());
        TokenService.TokenPair next = tokens.refresh(pair.refreshToken(), Map.of()); // the old one is spent

        // Logout: revoke the access token by (iss, jti); a full list falls back to a subject-wide rule.
        RevokedTokens.Revocation how = revoked.revoke("https://auth.example", access.claims().get("jti").asText(),
                "alice", Instant.ofEpochSecond(access.claims().get("exp").asLong()));
        // end::tokens[]
        assertThat(how).isEqualTo(RevokedTokens.Revocation.TOKEN);
        assertThatThrownBy(() -> verifier.verify(pair.accessToken())).isInstanceOf(JwtException.class);
        assertThat(next.subject()).isEqualTo("alice");
    }

    @Test
    void apiKeys_passwords_totp() {
        // tag::secrets[]
        ApiKeys keys = ApiKeys.of(clock, new SecureRandom());
        String key = keys.create("ci-bot", Set.of("workflows:execute"), Duration.ofDays(90)); // show once
        ApiKeys.Principal bot = keys.authenticate(key, "workflows:execute");

        Pbkdf2Hasher passwords = Pbkdf2Hasher.ofDefaults();
        String stored = passwords.hash("correct horse battery staple".toCharArray());
        boolean ok = passwords.verify("correct horse battery staple".toCharArray(), stored);
        boolean unknown = passwords.verifyUnknownUser("guess".toCharArray()); // same work, always false

        byte[] totpSecret = Totp.newSecret(new SecureRandom());
        TotpVerifier mfa = TotpVerifier.builder().clock(clock).maxFailures(5)
                .lockout(Duration.ofSeconds(30), Duration.ofMinutes(15)).build();
        String code = Totp.totp(totpSecret, clock.instant().getEpochSecond(), 30, Totp.Algorithm.SHA1, 6);
        boolean second = mfa.verify("alice", totpSecret, code);
        // end::secrets[]
        assertThat(bot.owner()).isEqualTo("ci-bot");
        assertThat(ok).isTrue();
        assertThat(unknown).isFalse();
        assertThat(second).isTrue();
    }

    @Test
    void guard_roles_audit_cors() {
        TimeSource time = TimeSource.system();
        // tag::guard[]
        RequestGuard guard = RequestGuard.of(ClientAddress.trusting(List.of(Cidr.parse("10.0.0.0/8"))),
                KeyedRateLimiter.of(RateLimitTiers.GENERAL, 100_000, time),
                KeyedRateLimiter.of(RateLimitTiers.AUTH, 100_000, time), List.of("/auth"),
                IpBlocker.of(5, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1), List.of(), 100_000,
                        time));
        GuardDecision d = guard.check(new GuardRequest("POST", "//auth/./login", Map.of(), "203.0.113.7"));
        // d.status(): 200, 429 (rate limited), 403 (blocked) or 400 (path cannot be made canonical)
        // end::guard[]
        assertThat(d.status()).isEqualTo(200);

        // tag::roles[]
        Authorizer authz = Authorizer.of(PresetRoles.policy());
        String root = authz.register(new NewUser("root", "root@example.com"));
        authz.grantAsSystem("acme", root, "admin");
        String bob = authz.register(new NewUser("bob", "bob@example.com"));
        authz.grant(root, "acme", bob, "viewer"); // allowed: admin holds every permission of viewer
        boolean canRead = authz.checkAll(bob, "acme", "workflows:read");
        // end::roles[]
        assertThat(canRead).isTrue();

        List<AuditRecord> stored = new ArrayList<>();
        byte[] chainKey = new byte[32];
        // tag::audit[]
        AuditLog audit = AuditLog.keyed(stored::add, clock, chainKey); // HMAC chain, key kept away from the log
        audit.record(AuditEvents.AUTHN_LOGIN_FAIL, "req-1", "alice", Map.of("password", "hunter2",
                "note", "retry with key sk_AbCdEfGh_0123456789abcdefghijABCDEFGHIJ0123456789abc"));
        boolean intact = AuditVerifier.firstBreak(stored, chainKey).isEmpty();
        // end::audit[]
        assertThat(intact).isTrue();
        assertThat(stored.get(0).toJsonLine()).doesNotContain("hunter2").doesNotContain("0123456789abcdefghij");

        // tag::cors[]
        CorsPolicy cors = CorsPolicy.builder().allowOrigin("https://app.example.com")
                .allowOrigin("https://*.tenants.example.com").allowCredentials(true).build();
        boolean shared = cors.actual("https://acme.tenants.example.com").allowed();
        // CorsPolicy.builder().allowOrigin("https://*.co.uk") is refused: anyone can register under co.uk
        // end::cors[]
        assertThat(shared).isTrue();
    }
}
