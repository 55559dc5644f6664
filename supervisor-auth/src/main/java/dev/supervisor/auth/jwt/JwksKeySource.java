package dev.supervisor.auth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A rotating key set: keys are fetched through {@code fetch} (for example an HTTP GET of the issuer's
 * {@code jwks_uri}), cached, and fetched again when a token names an unknown {@code kid} — at most once per
 * {@code minRefresh}, so a flood of tokens with random kids cannot turn into a flood of fetches. A refetch is
 * single-flight and holds no lock: while one caller fetches, every other verification goes on with the current
 * keys (a token naming a still-unknown kid is refused at once rather than queued). A failed or unusable fetch
 * keeps the current keys.
 */
public final class JwksKeySource {
    private final Supplier<String> fetch;
    private final Clock clock;
    private final Duration minRefresh;
    private final AtomicBoolean fetching = new AtomicBoolean();
    private volatile List<JwtKey> keys;
    private volatile Instant fetchedAt;

    private JwksKeySource(Supplier<String> fetch, Clock clock, Duration minRefresh) {
        this.fetch = fetch;
        this.clock = clock;
        this.minRefresh = minRefresh;
        this.keys = List.copyOf(Jwks.parse(fetch.get()));
        this.fetchedAt = clock.instant();
    }

    /**
     * @param fetch returns the JWKS document
     * @param clock the clock
     * @param minRefresh the shortest time between fetches
     * @return the source, with keys fetched now
     * @throws JwtException if the first fetch gives no usable key set
     */
    public static JwksKeySource of(Supplier<String> fetch, Clock clock, Duration minRefresh) {
        return new JwksKeySource(Objects.requireNonNull(fetch), Objects.requireNonNull(clock),
                Objects.requireNonNull(minRefresh));
    }

    /**
     * @param kid a key id from a token
     * @return the key, refreshing the set once if the id is unknown, the last fetch is old enough and no other
     *         fetch is under way
     */
    public Optional<JwtKey> find(String kid) {
        Optional<JwtKey> k = lookup(keys, kid);
        if (k.isPresent() || clock.instant().isBefore(fetchedAt.plus(minRefresh))
                || !fetching.compareAndSet(false, true)) {
            return k;
        }
        try {
            if (clock.instant().isBefore(fetchedAt.plus(minRefresh))) {
                return lookup(keys, kid); // another caller refreshed between our check and our turn
            }
            fetchedAt = clock.instant(); // counts failed attempts too: a failing endpoint is not hammered
            keys = List.copyOf(Jwks.parse(fetch.get()));
        } catch (RuntimeException e) {
            return Optional.empty(); // keep serving the keys we have
        } finally {
            fetching.set(false);
        }
        return lookup(keys, kid);
    }

    /** @return the current keys */
    public List<JwtKey> keys() {
        return keys;
    }

    private static Optional<JwtKey> lookup(List<JwtKey> keys, String kid) {
        for (JwtKey k : keys) {
            if (kid.equals(k.kid())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
