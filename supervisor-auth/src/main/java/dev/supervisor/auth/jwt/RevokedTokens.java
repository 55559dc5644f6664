package dev.supervisor.auth.jwt;

import dev.supervisor.auth.internal.BoundedTable;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A deny-list of access tokens that never forgets a live revocation. A revoked token is remembered by
 * (issuer, jti) until its {@code exp} plus {@link JwtVerifier#MAX_LEEWAY} — the last moment any verifier could
 * still accept it — and only then dropped, so memory is bounded by the revoked tokens still alive.
 *
 * <p>When {@code maxEntries} revocations are alive at once the list does not evict one: it fails closed. The next
 * revocation becomes a rule for the whole subject (every token of that subject issued until now is refused), and
 * when the subject rules are full too, for everyone (every token issued until now is refused) until the last of
 * those tokens would have expired. {@link #revoke} says which rule it recorded, so the host can alert and size
 * the list (revocations per second × token lifetime).
 */
public final class RevokedTokens {
    /** What a revocation was recorded as. */
    public enum Revocation {
        /** This token alone. */
        TOKEN,
        /** Every token of the subject issued until now: the token list was full. */
        SUBJECT,
        /** Every token issued until now: the token and subject lists were full. */
        ALL,
        /** Nothing: the token had already expired beyond any leeway. */
        EXPIRED
    }

    private record NotBefore(long notBefore, long until) {
    }

    private final Clock clock;
    private final BoundedTable<String, Long> tokens;
    private final BoundedTable<String, NotBefore> subjects;
    private final Object fallbackLock = new Object();
    private volatile NotBefore everyone;

    private RevokedTokens(long maxEntries, Clock clock) {
        this.clock = clock;
        this.tokens = new BoundedTable<>(maxEntries, this::nanos, (until, now) -> until * 1_000_000L, false);
        this.subjects = new BoundedTable<>(maxEntries, this::nanos, (nb, now) -> nb.until * 1_000_000L, false);
    }

    private long nanos() {
        return clock.millis() * 1_000_000L;
    }

    /**
     * @param maxEntries most individually remembered tokens (and, separately, subjects), positive
     * @param clock the clock (drives expiry)
     * @return the deny-list
     */
    public static RevokedTokens of(long maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive but was " + maxEntries);
        }
        return new RevokedTokens(maxEntries, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Revokes a token whose subject is not known (a full list falls back to refusing every token issued until now).
     *
     * @param issuer iss @param jti the token id @param expires the token's exp
     * @return what was recorded
     */
    public Revocation revoke(String issuer, String jti, Instant expires) {
        return revoke(issuer, jti, null, expires);
    }

    /**
     * @param issuer the token's {@code iss} (null if absent)
     * @param jti the token's {@code jti}
     * @param subject the token's {@code sub}, or null
     * @param expires the token's {@code exp}
     * @return what was recorded: {@link Revocation#TOKEN} unless the list was full
     */
    public Revocation revoke(String issuer, String jti, String subject, Instant expires) {
        Objects.requireNonNull(jti, "jti");
        long now = clock.millis();
        long until = expires.plus(JwtVerifier.MAX_LEEWAY).toEpochMilli();
        if (until <= now) {
            return Revocation.EXPIRED;
        }
        if (tokens.update(key(issuer, jti), old -> old == null ? until : Math.max(old, until)) != null) {
            return Revocation.TOKEN;
        }
        if (subject != null && subjects.update(key(issuer, subject), old -> old == null ? new NotBefore(now, until)
                : new NotBefore(Math.max(now, old.notBefore), Math.max(until, old.until))) != null) {
            return Revocation.SUBJECT;
        }
        synchronized (fallbackLock) {
            NotBefore e = everyone;
            everyone = e == null || e.until <= now ? new NotBefore(now, until)
                    : new NotBefore(Math.max(now, e.notBefore), Math.max(until, e.until));
        }
        return Revocation.ALL;
    }

    /**
     * @param issuer the token's {@code iss}, or null
     * @param jti the token's {@code jti}, or null
     * @param subject the token's {@code sub}, or null
     * @param issuedAt the token's {@code iat} in epoch seconds, or null (then a subject or global rule applies)
     * @return true if a revocation covers the token
     */
    public boolean isRevoked(String issuer, String jti, String subject, Long issuedAt) {
        if (jti != null && tokens.get(key(issuer, jti)) != null) {
            return true;
        }
        long iatMillis = issuedAt == null ? Long.MIN_VALUE : issuedAt * 1000L;
        NotBefore s = subject == null ? null : subjects.get(key(issuer, subject));
        if (s != null && iatMillis <= s.notBefore) {
            return true;
        }
        NotBefore e = everyone;
        return e != null && clock.millis() < e.until && iatMillis <= e.notBefore;
    }

    /** @return individually remembered tokens now */
    public long size() {
        return tokens.size();
    }

    /** @return subjects under a "not before" rule now */
    public long subjectRules() {
        return subjects.size();
    }

    /** @return true while a rule for every token is in force (the lists overflowed) */
    public boolean everyoneRuleActive() {
        NotBefore e = everyone;
        return e != null && clock.millis() < e.until;
    }

    private static String key(String issuer, String id) {
        return (issuer == null ? "" : issuer) + "\u0000" + id;
    }
}
