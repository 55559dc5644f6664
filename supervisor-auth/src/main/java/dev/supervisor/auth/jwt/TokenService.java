package dev.supervisor.auth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Issues access tokens (signed JWS, {@code typ at+jwt}, with {@code iss}, {@code aud}, {@code sub}, {@code iat},
 * {@code exp}, {@code jti}) paired with opaque refresh tokens that rotate through {@link RefreshTokens} (reuse
 * revokes the whole family). Verify the access tokens with a {@link JwtVerifier} configured with the same issuer,
 * audience and {@code type("at+jwt")}.
 */
public final class TokenService {
    /** The {@code typ} of access tokens (RFC 9068). */
    public static final String ACCESS_TYPE = "at+jwt";
    private static final Set<String> RESERVED = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti");

    private final JwtSigner signer;
    private final RefreshTokens refresh;
    private final String issuer;
    private final String audience;
    private final Duration accessLifetime;
    private final Clock clock;

    /**
     * A fresh access token and its refresh token.
     *
     * @param accessToken the signed JWS
     * @param accessExpiresAt its {@code exp}
     * @param refreshToken the opaque refresh token (store it only as the client's secret)
     * @param subject who it was issued to
     */
    public record TokenPair(String accessToken, Instant accessExpiresAt, String refreshToken, String subject) {
        @Override
        public String toString() {
            return "TokenPair[subject=" + subject + ", accessExpiresAt=" + accessExpiresAt + ", tokens hidden]";
        }
    }

    private TokenService(Builder b) {
        this.signer = b.signer;
        this.refresh = b.refresh;
        this.issuer = b.issuer;
        this.audience = b.audience;
        this.accessLifetime = b.accessLifetime;
        this.clock = b.clock;
    }

    /**
     * @param signer signs access tokens
     * @param refresh issues and rotates refresh tokens
     * @return a builder (issuer and audience are required)
     */
    public static Builder builder(JwtSigner signer, RefreshTokens refresh) {
        return new Builder(signer, refresh);
    }

    /**
     * @param subject an authenticated subject
     * @param claims extra claims (roles, tenant…); the registered ones are set here and may not be overridden
     * @return a new token pair starting a new refresh family
     */
    public TokenPair login(String subject, Map<String, ?> claims) {
        Objects.requireNonNull(subject, "subject");
        RefreshTokens.Issued r = refresh.issue(subject);
        return pair(subject, claims, r.token());
    }

    /**
     * @param refreshToken a refresh token from an earlier pair
     * @param claims claims for the new access token (look them up again: roles may have changed)
     * @return a new pair; the presented refresh token is spent
     * @throws JwtException if the refresh token is invalid, expired, revoked or reused (reuse revokes the family)
     */
    public TokenPair refresh(String refreshToken, Map<String, ?> claims) {
        RefreshTokens.Issued r = refresh.rotate(refreshToken);
        return pair(r.subject(), claims, r.token());
    }

    private TokenPair pair(String subject, Map<String, ?> claims, String refreshToken) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (claims != null) {
            for (Map.Entry<String, ?> e : claims.entrySet()) {
                if (RESERVED.contains(e.getKey())) {
                    throw new IllegalArgumentException("claim '" + e.getKey() + "' is set by the token service");
                }
                c.put(e.getKey(), e.getValue());
            }
        }
        Instant now = clock.instant();
        Instant exp = now.plus(accessLifetime);
        c.put("iss", issuer);
        c.put("sub", subject);
        c.put("aud", audience);
        c.put("iat", now.getEpochSecond());
        c.put("exp", exp.getEpochSecond());
        c.put("jti", UUID.randomUUID().toString());
        return new TokenPair(signer.sign(ACCESS_TYPE, c), Instant.ofEpochSecond(exp.getEpochSecond()), refreshToken,
                subject);
    }

    /** Builds a {@link TokenService}. */
    public static final class Builder {
        private final JwtSigner signer;
        private final RefreshTokens refresh;
        private String issuer;
        private String audience;
        private Duration accessLifetime = Duration.ofMinutes(15);
        private Clock clock = Clock.systemUTC();

        private Builder(JwtSigner signer, RefreshTokens refresh) {
            this.signer = Objects.requireNonNull(signer, "signer");
            this.refresh = Objects.requireNonNull(refresh, "refresh");
        }

        /** @param issuer the {@code iss} @return this */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /** @param audience the {@code aud} @return this */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /** @param lifetime access token lifetime, 1 s to 24 h (default 15 min) @return this */
        public Builder accessLifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "accessLifetime");
            if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("accessLifetime must be between 1 s and 24 h but was " + lifetime);
            }
            this.accessLifetime = lifetime;
            return this;
        }

        /** @param clock the clock @return this */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the service
         * @throws IllegalStateException if issuer or audience is missing
         */
        public TokenService build() {
            if (issuer == null || audience == null) {
                throw new IllegalStateException("token service needs an issuer and an audience");
            }
            return new TokenService(this);
        }
    }
}
