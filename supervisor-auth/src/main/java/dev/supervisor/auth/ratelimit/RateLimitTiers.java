package dev.supervisor.auth.ratelimit;

import java.time.Duration;

/**
 * Ready-made tiers as token buckets: general traffic 60 per minute with bursts of 120, authentication 10 per
 * minute, and failed logins 3 per 5 minutes.
 */
public final class RateLimitTiers {
    /** 60 requests per minute, bursts up to 120. */
    public static final RateLimit GENERAL = RateLimit.of(Bandwidth.perMinute(60).withBurst(120));
    /** 10 authentication attempts per minute. */
    public static final RateLimit AUTH = RateLimit.of(Bandwidth.perMinute(10));
    /** 3 failures per 5 minutes. */
    public static final RateLimit FAILURE = RateLimit.of(Bandwidth.of(3, Duration.ofMinutes(5)));

    private RateLimitTiers() {
    }
}
