package dev.supervisor.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Opaque refresh tokens with rotation: each use returns a new token of the same family and spends the old one.
 * Presenting a spent token again means it was stolen (or raced): the whole family is revoked and the reuse is
 * reported, so neither the thief's nor the user's newer token works any longer.
 */
public final class RefreshTokens {
    private final TokenStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration lifetime;
    private final BiConsumer<String, String> onReuse;

    /** A new token and who it belongs to. @param token the raw token @param subject the subject */
    public record Issued(String token, String subject) {
    }

    private RefreshTokens(TokenStore store, Clock clock, SecureRandom random, Duration lifetime,
                          BiConsumer<String, String> onReuse) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.lifetime = lifetime;
        this.onReuse = onReuse;
    }

    /**
     * @param store shared state
     * @param clock the clock
     * @param random the random source
     * @param lifetime how long a token lives
     * @param onReuse called with (subject, family) when a spent token comes back (audit {@code authn_token_reuse})
     * @return the service
     */
    public static RefreshTokens of(TokenStore store, Clock clock, SecureRandom random, Duration lifetime,
                                   BiConsumer<String, String> onReuse) {
        return new RefreshTokens(Objects.requireNonNull(store), Objects.requireNonNull(clock),
                Objects.requireNonNull(random), Objects.requireNonNull(lifetime), Objects.requireNonNull(onReuse));
    }

    /**
     * @param subject who logs in
     * @return the first token of a new family
     */
    public Issued issue(String subject) {
        return issue(subject, UUID.randomUUID().toString());
    }

    private Issued issue(String subject, String family) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        store.put(hash(token), new TokenStore.Entry(family, subject, clock.instant().plus(lifetime)));
        return new Issued(token, subject);
    }

    /**
     * @param token a refresh token
     * @return the next token of its family
     * @throws JwtException if the token is unknown, expired, revoked, or spent (which revokes the family)
     */
    public Issued rotate(String token) {
        String h = hash(token == null ? "" : token);
        TokenStore.Entry e = store.find(h).orElseThrow(() -> new JwtException("invalid refresh token"));
        if (store.isRevoked(e.family()) || !clock.instant().isBefore(e.expires())) {
            throw new JwtException("invalid refresh token");
        }
        if (!store.markUsed(h)) {
            store.revokeFamily(e.family());
            onReuse.accept(e.subject(), e.family());
            throw new JwtException("refresh token reused: its family is revoked");
        }
        return issue(e.subject(), e.family());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
