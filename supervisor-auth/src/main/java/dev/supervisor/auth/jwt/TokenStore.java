package dev.supervisor.auth.jwt;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where refresh-token state lives, so several nodes can share it. Implementations must make {@link #markUsed}
 * atomic: of two concurrent calls for one token, exactly one sees it unused. Entries may be dropped once expired
 * (a shared store typically sets a time-to-live on each key).
 */
public interface TokenStore {
    /**
     * A stored refresh token (by hash).
     *
     * @param family its rotation family
     * @param subject who
     * @param expires when this token expires
     * @param familyExpires when the whole family expires, however often it rotates
     * @param client the client the token is bound to, or null if unbound
     */
    record Entry(String family, String subject, Instant expires, Instant familyExpires, String client) {
    }

    /** @param hash the token's hash @param entry its data */
    void put(String hash, Entry entry);

    /** @param hash a token hash @return its entry if known */
    Optional<Entry> find(String hash);

    /**
     * @param hash a token hash
     * @param at now
     * @return empty if this call is the first to use the token (now recorded), else when it was first used
     */
    Optional<Instant> markUsed(String hash, Instant at);

    /** @param family a family to revoke with all its tokens @param until when the family would expire anyway */
    void revokeFamily(String family, Instant until);

    /** @param family a family @return true if revoked */
    boolean isRevoked(String family);

    /**
     * Drops what has expired by {@code now}; stores that expire entries themselves need not implement it.
     *
     * @param now the time
     */
    default void purgeExpired(Instant now) {
    }

    /** @return a store in this JVM's memory; expired tokens and revocations are dropped by {@link #purgeExpired} */
    static TokenStore inMemory() {
        return new TokenStore() {
            private final Map<String, Entry> entries = new ConcurrentHashMap<>();
            private final Map<String, Instant> used = new ConcurrentHashMap<>();
            private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

            @Override
            public void put(String hash, Entry entry) {
                entries.put(hash, entry);
            }

            @Override
            public Optional<Entry> find(String hash) {
                return Optional.ofNullable(entries.get(hash));
            }

            @Override
            public Optional<Instant> markUsed(String hash, Instant at) {
                return Optional.ofNullable(used.putIfAbsent(hash, at));
            }

            @Override
            public void revokeFamily(String family, Instant until) {
                revoked.merge(family, until, (a, b) -> a.isAfter(b) ? a : b);
            }

            @Override
            public boolean isRevoked(String family) {
                return revoked.containsKey(family);
            }

            @Override
            public void purgeExpired(Instant now) {
                entries.entrySet().removeIf(e -> {
                    boolean gone = !now.isBefore(e.getValue().expires());
                    if (gone) {
                        used.remove(e.getKey());
                    }
                    return gone;
                });
                revoked.values().removeIf(until -> !now.isBefore(until));
            }
        };
    }
}
