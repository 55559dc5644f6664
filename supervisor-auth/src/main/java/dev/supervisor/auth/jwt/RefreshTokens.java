package dev.supervisor.auth.jwt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Opaque refresh tokens with rotation: each use returns a new token of the same family and spends the old one.
 * Presenting a spent token again means it was stolen: the whole family is revoked and the reuse is reported, so
 * neither the thief's nor the user's newer token works any longer. Two exceptions keep honest clients signed in
 * without weakening that: a spent token presented again by the same client within the race window (two tabs
 * refreshing at once) is refused without revoking anything, and every family ends at its absolute lifetime however
 * often it rotates. Tokens may be bound to a client (a device id); a bound token presented by another client
 * revokes its family.
 */
public final class RefreshTokens {
    private static final int MAX_TOKEN_LENGTH = 256;
    private final TokenStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration lifetime;
    private final Duration absoluteLifetime;
    private final Duration raceWindow;
    private final BiConsumer<String, String> onReuse;
    private volatile Instant lastPurge = Instant.MIN;

    /** A new token and who it belongs to. @param token the raw token @param subject the subject */
    public record Issued(String token, String subject) {
        @Override
        public String toString() {
            return "Issued[subject=" + subject + ", token hidden]";
        }
    }

    private RefreshTokens(TokenStore store, Clock clock, SecureRandom random, Duration lifetime,
                          Duration absoluteLifetime, Duration raceWindow, BiConsumer<String, String> onReuse) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.lifetime = lifetime;
        this.absoluteLifetime = absoluteLifetime;
        this.raceWindow = raceWindow;
        this.onReuse = onReuse;
    }

    /**
     * Refresh tokens whose families live at most {@code max(lifetime, 90 days)} and whose race window is 5 s.
     *
     * @param store shared state
     * @param clock the clock
     * @param random the random source
     * @param lifetime how long one token lives
     * @param onReuse called with (subject, family) when a spent token comes back (audit {@code authn_token_reuse})
     * @return the service
     */
    public static RefreshTokens of(TokenStore store, Clock clock, SecureRandom random, Duration lifetime,
                                   BiConsumer<String, String> onReuse) {
        Duration absolute = lifetime.compareTo(Duration.ofDays(90)) > 0 ? lifetime : Duration.ofDays(90);
        return of(store, clock, random, lifetime, absolute, Duration.ofSeconds(5), onReuse);
    }

    /**
     * @param store shared state
     * @param clock the clock
     * @param random the random source
     * @param lifetime how long one token lives, positive
     * @param absoluteLifetime how long a family lives from its first token, at least {@code lifetime}
     * @param raceWindow how long after a rotation the same client may present the spent token without it counting
     *        as reuse, 0 to 60 s
     * @param onReuse called with (subject, family) when a spent token comes back (audit {@code authn_token_reuse})
     * @return the service
     * @throws IllegalArgumentException naming a bad duration
     */
    public static RefreshTokens of(TokenStore store, Clock clock, SecureRandom random, Duration lifetime,
                                   Duration absoluteLifetime, Duration raceWindow,
                                   BiConsumer<String, String> onReuse) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive but was " + lifetime);
        }
        if (absoluteLifetime.compareTo(lifetime) < 0) {
            throw new IllegalArgumentException("absoluteLifetime (" + absoluteLifetime + ") must not be shorter than"
                    + " lifetime (" + lifetime + ")");
        }
        if (raceWindow.isNegative() || raceWindow.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("raceWindow must be in [0, PT60S] but was " + raceWindow);
        }
        return new RefreshTokens(Objects.requireNonNull(store), Objects.requireNonNull(clock),
                Objects.requireNonNull(random), lifetime, absoluteLifetime, raceWindow,
                Objects.requireNonNull(onReuse));
    }

    /** @param subject who logs in @return the first token of a new, unbound family */
    public Issued issue(String subject) {
        return issue(subject, null);
    }

    /**
     * @param subject who logs in
     * @param client the client to bind the family to (e.g. a device id), or null
     * @return the first token of a new family
     */
    public Issued issue(String subject, String client) {
        Instant now = clock.instant();
        return issue(subject, UUID.randomUUID().toString(), now.plus(absoluteLifetime), client, now);
    }

    private Issued issue(String subject, String family, Instant familyExpires, String client, Instant now) {
        purgeNowAndThen(now);
        byte[] b = new byte[32];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Instant expires = now.plus(lifetime);
        store.put(hash(token), new TokenStore.Entry(family, Objects.requireNonNull(subject, "subject"),
                expires.isAfter(familyExpires) ? familyExpires : expires, familyExpires, client));
        return new Issued(token, subject);
    }

    /** @param token a refresh token of an unbound family @return the next token of its family */
    public Issued rotate(String token) {
        return rotate(token, null);
    }

    /**
     * @param token a refresh token
     * @param client the presenting client (as bound at {@link #issue(String, String)}), or null
     * @return the next token of its family
     * @throws JwtException if the token is unknown, expired, revoked, or spent (which revokes the family unless it
     *         is the same client within the race window)
     */
    public Issued rotate(String token, String client) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new JwtException("invalid refresh token");
        }
        String h = hash(token);
        TokenStore.Entry e = store.find(h).orElseThrow(() -> new JwtException("invalid refresh token"));
        Instant now = clock.instant();
        if (store.isRevoked(e.family()) || !now.isBefore(e.expires()) || !now.isBefore(e.familyExpires())) {
            throw new JwtException("invalid refresh token");
        }
        if (e.client() != null && !e.client().equals(client)) {
            revoke(e);
            throw new JwtException("refresh token presented by another client: its family is revoked");
        }
        Optional<Instant> spent = store.markUsed(h, now);
        if (spent.isPresent()) {
            boolean race = !raceWindow.isZero() && !now.isAfter(spent.get().plus(raceWindow));
            if (race && Objects.equals(e.client(), client)) {
                throw new JwtException("refresh token was rotated moments ago: use the newer token");
            }
            revoke(e);
            throw new JwtException("refresh token reused: its family is revoked");
        }
        return issue(e.subject(), e.family(), e.familyExpires(), e.client(), now);
    }

    private void revoke(TokenStore.Entry e) {
        store.revokeFamily(e.family(), e.familyExpires());
        onReuse.accept(e.subject(), e.family());
    }

    /** The in-memory store has no expiry of its own: sweep it at most once a minute. */
    private void purgeNowAndThen(Instant now) {
        if (now.isAfter(lastPurge.plusSeconds(60))) {
            lastPurge = now;
            store.purgeExpired(now);
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
