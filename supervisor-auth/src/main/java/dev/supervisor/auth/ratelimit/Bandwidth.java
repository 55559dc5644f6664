package dev.supervisor.auth.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * One limit of a bucket: at most {@code capacity} tokens, refilled with {@code refillTokens} every
 * {@code refillPeriod}, spread evenly over the period (a token arrives every period / refillTokens).
 *
 * @param capacity the most tokens the bandwidth holds (the burst)
 * @param refillTokens tokens added per period
 * @param refillPeriod the period
 */
public record Bandwidth(long capacity, long refillTokens, Duration refillPeriod) {

    /**
     * @throws IllegalArgumentException if a value is not positive or capacity × period overflows the integer
     *         nanosecond arithmetic
     */
    public Bandwidth {
        Objects.requireNonNull(refillPeriod, "refillPeriod");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive but was " + capacity);
        }
        if (refillTokens < 1) {
            throw new IllegalArgumentException("refillTokens must be positive but was " + refillTokens);
        }
        if (refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("refillPeriod must be positive but was " + refillPeriod);
        }
        try {
            Math.multiplyExact(capacity, refillPeriod.toNanos());
            Math.multiplyExact(refillTokens, refillPeriod.toNanos());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("capacity " + capacity + " over " + refillPeriod
                    + " is too large for nanosecond arithmetic; use a shorter period or fewer tokens");
        }
    }

    /**
     * @param tokens capacity, refilled completely every period
     * @param period the period
     * @return the bandwidth
     */
    public static Bandwidth of(long tokens, Duration period) {
        return new Bandwidth(tokens, tokens, period);
    }

    /**
     * @param tokens tokens per minute, which is also the capacity
     * @return the bandwidth
     */
    public static Bandwidth perMinute(long tokens) {
        return of(tokens, Duration.ofMinutes(1));
    }

    /**
     * @param tokens tokens per second, which is also the capacity
     * @return the bandwidth
     */
    public static Bandwidth perSecond(long tokens) {
        return of(tokens, Duration.ofSeconds(1));
    }

    /**
     * @param burst a capacity different from the refill amount
     * @return a copy with that capacity
     */
    public Bandwidth withBurst(long burst) {
        return new Bandwidth(burst, refillTokens, refillPeriod);
    }
}
