package dev.supervisor.auth.jwt;

import java.time.Instant;
import java.util.Optional;

/**
 * Where refresh-token state lives, so several nodes can share it. Implementations must make
 * {@link #markUsed} atomic: of two concurrent calls for one token, exactly one returns true.
 */
public interface TokenStore {
    /** A stored refresh token (by hash). @param family its rotation family @param subject who @param expires when */
    record Entry(String family, String subject, Instant expires) {
    }

    /** @param hash the token's hash @param entry its data */
    void put(String hash, Entry entry);

    /** @param hash a token hash @return its entry if known */
    Optional<Entry> find(String hash);

    /** @param hash a token hash @return true if this call is the first to use it */
    boolean markUsed(String hash);

    /** @param family a family to revoke with all its tokens */
    void revokeFamily(String family);

    /** @param family a family @return true if revoked */
    boolean isRevoked(String family);

    /** @return a store in this JVM's memory */
    static TokenStore inMemory() {
        return new TokenStore() {
            private final java.util.Map<String, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
            private final java.util.Set<String> used = java.util.concurrent.ConcurrentHashMap.newKeySet();
            private final java.util.Set<String> revoked = java.util.concurrent.ConcurrentHashMap.newKeySet();

            @Override
            public void put(String hash, Entry entry) {
                entries.put(hash, entry);
            }

            @Override
            public Optional<Entry> find(String hash) {
                return Optional.ofNullable(entries.get(hash));
            }

            @Override
            public boolean markUsed(String hash) {
                return used.add(hash);
            }

            @Override
            public void revokeFamily(String family) {
                revoked.add(family);
            }

            @Override
            public boolean isRevoked(String family) {
                return revoked.contains(family);
            }
        };
    }
}
