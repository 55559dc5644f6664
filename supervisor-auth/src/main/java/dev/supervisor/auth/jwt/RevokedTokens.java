package dev.supervisor.auth.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Instant;

/**
 * A bounded deny-list of access tokens by (issuer, jti); each entry disappears when its token would have expired
 * anyway, so memory stays bounded by the tokens still alive.
 */
public final class RevokedTokens {
    private final Cache<String, Instant> revoked;
    private final Clock clock;

    private RevokedTokens(long maxEntries, Clock clock) {
        this.clock = clock;
        this.revoked = Caffeine.newBuilder().maximumSize(maxEntries)
                .ticker(() -> clock.instant().toEpochMilli() * 1_000_000L)
                .expireAfter(new Expiry<String, Instant>() {
                    @Override
                    public long expireAfterCreate(String key, Instant exp, long now) {
                        return Math.max(0, exp.toEpochMilli() * 1_000_000L - now);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Instant exp, long now, long current) {
                        return expireAfterCreate(key, exp, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Instant exp, long now, long current) {
                        return current;
                    }
                }).build();
    }

    /**
     * @param maxEntries most revoked tokens tracked at once
     * @param clock the clock (drives expiry)
     * @return the deny-list
     */
    public static RevokedTokens of(long maxEntries, Clock clock) {
        return new RevokedTokens(maxEntries, clock);
    }

    /** @param issuer iss @param jti the token id @param expires the token's exp */
    public void revoke(String issuer, String jti, Instant expires) {
        if (expires.isAfter(clock.instant())) {
            revoked.put(issuer + "\u0000" + jti, expires);
        }
    }

    /** @param issuer iss @param jti the token id @return true if revoked and not yet expired */
    public boolean isRevoked(String issuer, String jti) {
        return revoked.getIfPresent(issuer + "\u0000" + jti) != null;
    }

    /** @return entries held now */
    public long size() {
        revoked.cleanUp();
        return revoked.estimatedSize();
    }
}
