package dev.supervisor.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Issues and checks API keys of the form {@code sk_<id>_<secret><crc>}: an 8-character id looks the key up, the
 * secret is 43 characters of {@code [A-Za-z0-9]} (256 bits, no separator a log redactor could stop at), and an
 * 8-hex-digit CRC32 lets typos and garbage be refused before any lookup. Only the SHA-256 of the whole key is
 * stored, and it is compared in constant time; a refused key costs the same work whether its id exists or not.
 * Raw keys are returned once, at creation, and never logged.
 *
 * <p>Lifetimes are capped ({@code maxLifetime}, 366 days by default), an owner holds at most
 * {@code maxKeysPerOwner} live keys (100 by default), and a key is rotated once: rotation leaves the old key a
 * grace period of at most 7 days (never past its own expiry), and a key already in its grace period, or revoked,
 * cannot be rotated again — a stolen key cannot be kept alive by rotating it. Expired and revoked keys are
 * forgotten, since they are refused exactly like unknown ones.
 */
public final class ApiKeys {
    /** The longest grace period a rotation may give the old key. */
    public static final Duration MAX_GRACE = Duration.ofDays(7);
    static final String REFUSED = "invalid API key";
    static final Pattern GRAMMAR = Pattern.compile("sk_[A-Za-z0-9]{8}_[A-Za-z0-9]{43}[0-9a-f]{8}");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int KEY_LENGTH = 63;
    private static final byte[] DUMMY = sha256("sk_dummy");
    private final Clock clock;
    private final SecureRandom random;
    private final Duration maxLifetime;
    private final int maxKeysPerOwner;
    private final Map<String, Stored> byId = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.MIN;

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

        boolean deadAt(Instant now) {
            return !now.isBefore(expires) || revokedAt != null && !now.isBefore(revokedAt);
        }
    }

    /** What a valid key stands for. @param keyId the key's id @param owner who @param scopes what it may do */
    public record Principal(String keyId, String owner, Set<String> scopes) {
    }

    private ApiKeys(Clock clock, SecureRandom random, Duration maxLifetime, int maxKeysPerOwner) {
        this.clock = clock;
        this.random = random;
        this.maxLifetime = maxLifetime;
        this.maxKeysPerOwner = maxKeysPerOwner;
    }

    /**
     * @param clock the clock
     * @param random the random source
     * @return an empty key store (lifetimes up to 366 days, 100 live keys per owner)
     */
    public static ApiKeys of(Clock clock, SecureRandom random) {
        return of(clock, random, Duration.ofDays(366), 100);
    }

    /**
     * @param clock the clock
     * @param random the random source
     * @param maxLifetime the longest lifetime a key may get, positive
     * @param maxKeysPerOwner most live keys one owner may hold, positive
     * @return an empty key store
     */
    public static ApiKeys of(Clock clock, SecureRandom random, Duration maxLifetime, int maxKeysPerOwner) {
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("maxLifetime must be positive but was " + maxLifetime);
        }
        if (maxKeysPerOwner < 1) {
            throw new IllegalArgumentException("maxKeysPerOwner must be positive but was " + maxKeysPerOwner);
        }
        return new ApiKeys(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(random, "random"),
                maxLifetime, maxKeysPerOwner);
    }

    /**
     * @param owner who the key acts for
     * @param scopes what it may do
     * @param lifetime how long it is valid, positive and at most {@code maxLifetime}
     * @return the raw key: show it once, it cannot be recovered
     * @throws IllegalArgumentException if the lifetime is out of range
     * @throws ApiKeyException if the owner already holds {@code maxKeysPerOwner} live keys
     */
    public String create(String owner, Set<String> scopes, Duration lifetime) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(scopes, "scopes");
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("lifetime must be positive and at most " + maxLifetime + " but was "
                    + lifetime);
        }
        Instant now = clock.instant();
        sweep(now);
        long live = byId.values().stream().filter(s -> s.owner.equals(owner) && !s.deadAt(now)).count();
        if (live >= maxKeysPerOwner) {
            throw new ApiKeyException("owner already holds " + maxKeysPerOwner + " live API keys");
        }
        String id;
        String body;
        do {
            id = randomText(8);
            body = "sk_" + id + "_" + randomText(43);
        } while (byId.containsKey(id));
        String key = body + crc(body);
        byId.put(id, new Stored(sha256(key), owner, scopes, now.plus(lifetime)));
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
        if (!s.scopes.contains(scope)) {
            throw new ApiKeyException("API key lacks scope '" + scope + "'");
        }
        s.lastUsed = clock.instant();
        return new Principal(rawKey.substring(3, 11), s.owner, s.scopes);
    }

    private Stored lookup(String rawKey) {
        boolean wellFormed = rawKey != null && rawKey.length() == KEY_LENGTH && GRAMMAR.matcher(rawKey).matches();
        // Hash something of the same length in every case, so refused keys cost what accepted ones do.
        byte[] presented = sha256(wellFormed ? rawKey : "sk_00000000_" + "0".repeat(43) + "00000000");
        Stored s = null;
        if (wellFormed && crc(rawKey.substring(0, KEY_LENGTH - 8)).equals(rawKey.substring(KEY_LENGTH - 8))) {
            s = byId.get(rawKey.substring(3, 11));
        }
        boolean match = MessageDigest.isEqual(presented, s == null ? DUMMY : s.hash);
        if (s == null || !match || s.deadAt(clock.instant())) {
            throw new ApiKeyException(REFUSED);
        }
        return s;
    }

    /**
     * Rotates a key: a new key with the same owner and scopes, while the old one keeps working for {@code grace}.
     *
     * @param rawKey the current key, not already rotated or revoked
     * @param lifetime the new key's lifetime, positive and at most {@code maxLifetime}
     * @param grace how long the old key stays valid, 0 to {@link #MAX_GRACE} (cut short at its own expiry)
     * @return the new raw key
     * @throws ApiKeyException if the key is invalid, or already rotated or revoked
     * @throws IllegalArgumentException if lifetime or grace is out of range
     */
    public String rotate(String rawKey, Duration lifetime, Duration grace) {
        if (grace == null || grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new IllegalArgumentException("grace must be in [0, " + MAX_GRACE + "] but was " + grace);
        }
        Stored s = lookup(rawKey);
        synchronized (s) {
            if (s.revokedAt != null) {
                throw new ApiKeyException("API key is already being rotated out: rotate its successor instead");
            }
            String fresh = create(s.owner, s.scopes, lifetime);
            Instant end = clock.instant().plus(grace);
            s.revokedAt = end.isAfter(s.expires) ? s.expires : end;
            return fresh;
        }
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

    /** @return keys held now, live or awaiting the next sweep */
    int stored() {
        return byId.size();
    }

    private void sweep(Instant now) {
        if (now.isAfter(lastSweep.plusSeconds(60))) {
            lastSweep = now;
            byId.values().removeIf(s -> s.deadAt(now));
        }
    }

    private String randomText(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
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
