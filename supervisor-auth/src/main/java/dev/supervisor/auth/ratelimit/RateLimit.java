package dev.supervisor.auth.ratelimit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable set of 1 to 8 bandwidths that must all allow a request (for example 10 per second and 1,000 per
 * hour).
 */
public final class RateLimit {
    private final List<Bandwidth> bandwidths;

    private RateLimit(List<Bandwidth> bandwidths) {
        this.bandwidths = bandwidths;
    }

    /**
     * @param bandwidths 1 to 8 bandwidths
     * @return the limit
     * @throws IllegalArgumentException if there are none or more than 8
     */
    public static RateLimit of(Bandwidth... bandwidths) {
        Objects.requireNonNull(bandwidths, "bandwidths");
        if (bandwidths.length < 1 || bandwidths.length > 8) {
            throw new IllegalArgumentException("a rate limit needs 1 to 8 bandwidths but got " + bandwidths.length);
        }
        for (Bandwidth b : bandwidths) {
            Objects.requireNonNull(b, "bandwidth");
        }
        return new RateLimit(List.copyOf(Arrays.asList(bandwidths)));
    }

    /** @return the bandwidths */
    public List<Bandwidth> bandwidths() {
        return bandwidths;
    }

    @Override
    public String toString() {
        return "RateLimit" + bandwidths;
    }
}
