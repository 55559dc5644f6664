package dev.supervisor.auth.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A rotating key set: keys are fetched through {@code fetch} (for example an HTTP GET of the issuer's
 * {@code jwks_uri}), cached, and fetched again when a token names an unknown {@code kid} — at most once per
 * {@code minRefresh}, so a flood of tokens with random kids cannot turn into a flood of fetches.
 */
public final class JwksKeySource {
    private final Supplier<String> fetch;
    private final Clock clock;
    private final Duration minRefresh;
    private volatile List<JwtKey> keys;
    private volatile Instant fetchedAt;

    private JwksKeySource(Supplier<String> fetch, Clock clock, Duration minRefresh) {
        this.fetch = fetch;
        this.clock = clock;
        this.minRefresh = minRefresh;
        this.keys = Jwks.parse(fetch.get());
        this.fetchedAt = clock.instant();
    }

    /**
     * @param fetch returns the JWKS document
     * @param clock the clock
     * @param minRefresh the shortest time between fetches
     * @return the source, with keys fetched now
     */
    public static JwksKeySource of(Supplier<String> fetch, Clock clock, Duration minRefresh) {
        return new JwksKeySource(Objects.requireNonNull(fetch), Objects.requireNonNull(clock),
                Objects.requireNonNull(minRefresh));
    }

    /**
     * @param kid a key id from a token
     * @return the key, refreshing the set once if the id is unknown and the last fetch is old enough
     */
    public synchronized Optional<JwtKey> find(String kid) {
        Optional<JwtKey> k = lookup(kid);
        if (k.isEmpty() && !clock.instant().isBefore(fetchedAt.plus(minRefresh))) {
            keys = Jwks.parse(fetch.get());
            fetchedAt = clock.instant();
            k = lookup(kid);
        }
        return k;
    }

    /** @return the current keys */
    public List<JwtKey> keys() {
        return keys;
    }

    private Optional<JwtKey> lookup(String kid) {
        return keys.stream().filter(k -> kid.equals(k.kid())).findFirst();
    }
}
