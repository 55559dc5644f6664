package dev.supervisor.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Issues and checks API keys of the form {@code sk_<id>_<secret><crc>}: {@code id} looks the key up, the
 * secret is 32 random bytes, and an 8-hex-digit CRC32 lets typos and garbage be refused before any lookup. Only
 * the SHA-256 of the whole key is stored, and it is compared in constant time. Raw keys are returned once, at
 * creation, and never logged.
 */
public final class ApiKeys {
    static final String REFUSED = "invalid API key";
    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Stored> byId = new ConcurrentHashMap<>();

    private static final class Stored {
        final byte[] hash;
        final String owner;
        final Set<String> scopes;
        final Instant expires;
        volatile Instant revokedAt;
        volatile Instant lastUsed;

        Stored(byte[] hash, String owner, Set<String> scopes, Instant expires) {
            this.hash = hash;
            this.owner = owner;
            this.scopes = Set.copyOf(scopes);
            this.expires = expires;
        }
    }

    /** What a valid key stands for. */
    public record Principal(String keyId, String owner, Set<String> scopes) {
    }

    private ApiKeys(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * @param clock the clock
     * @param random the random source
     * @return an empty key store
     */
    public static ApiKeys of(Clock clock, SecureRandom random) {
        return new ApiKeys(clock, random);
    }

    /**
     * @param owner who the key acts for
     * @param scopes what it may do
     * @param lifetime how long it is valid
     * @return the raw key: show it once, it cannot be recovered
     */
    public String create(String owner, Set<String> scopes, Duration lifetime) {
        byte[] idBytes = new byte[6];
        byte[] secret = new byte[32];
        random.nextBytes(idBytes);
        random.nextBytes(secret);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String id = b64.encodeToString(idBytes).replace('_', 'x').replace('-', 'y');
        String body = "sk_" + id + "_" + b64.encodeToString(secret);
        String key = body + crc(body);
        byId.put(id, new Stored(sha256(key), owner, scopes, clock.instant().plus(lifetime)));
        return key;
    }

    /**
     * Checks a key and a scope.
     *
     * @param rawKey the presented key
     * @param scope the scope the request needs
     * @return the principal
     * @throws ApiKeyException the same "invalid API key" for malformed, unknown, revoked and expired keys; a
     *         distinct message only for a valid key lacking the scope
     */
    public Principal authenticate(String rawKey, String scope) {
        Stored s = lookup(rawKey);
        String id = rawKey.substring(3, rawKey.indexOf('_', 3));
        if (!s.scopes.contains(scope)) {
            throw new ApiKeyException("API key lacks scope '" + scope + "'");
        }
        s.lastUsed = clock.instant();
        return new Principal(id, s.owner, s.scopes);
    }

    private Stored lookup(String rawKey) {
        byte[] presented = sha256(rawKey == null ? "" : rawKey);
        Stored s = null;
        if (rawKey != null && rawKey.length() > 20 && rawKey.length() < 200 && rawKey.startsWith("sk_")) {
            String body = rawKey.substring(0, rawKey.length() - 8);
            int sep = rawKey.indexOf('_', 3);
            if (sep > 3 && crc(body).equals(rawKey.substring(rawKey.length() - 8))) {
                s = byId.get(rawKey.substring(3, sep));
            }
        }
        // Compare against something in every case so unknown keys cost what known ones do.
        boolean match = MessageDigest.isEqual(presented, s == null ? DUMMY : s.hash);
        Instant now = clock.instant();
        if (s == null || !match || s.revokedAt != null && !now.isBefore(s.revokedAt) || !now.isBefore(s.expires)) {
            throw new ApiKeyException(REFUSED);
        }
        return s;
    }

    private static final byte[] DUMMY = sha256("sk_dummy");

    /**
     * Rotates a key: a new key with the same owner and scopes, while the old one keeps working for {@code grace}.
     *
     * @param rawKey the current key
     * @param lifetime the new key's lifetime
     * @param grace how long the old key stays valid
     * @return the new raw key
     */
    public String rotate(String rawKey, Duration lifetime, Duration grace) {
        Stored s = lookup(rawKey);
        String fresh = create(s.owner, s.scopes, lifetime);
        s.revokedAt = clock.instant().plus(grace);
        return fresh;
    }

    /**
     * @param rawKey a key to revoke now
     */
    public void revoke(String rawKey) {
        lookup(rawKey).revokedAt = clock.instant();
    }

    /**
     * @param rawKey a valid key
     * @return when it was last used, or null
     */
    public Instant lastUsed(String rawKey) {
        return lookup(rawKey).lastUsed;
    }

    private static String crc(String body) {
        CRC32 c = new CRC32();
        c.update(body.getBytes(StandardCharsets.US_ASCII));
        return String.format("%08x", c.getValue());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
