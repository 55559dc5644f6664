package dev.supervisor.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyedRateLimiterTest {
    private final FakeTime time = new FakeTime();

    @Test
    void check_generalTier_allowsTheBurstThenAnswers429WithRetryAfter() {
        KeyedRateLimiter limiter = KeyedRateLimiter.of(RateLimitTiers.GENERAL, 1_000, time);
        for (int i = 0; i < 120; i++) {
            assertThat(limiter.check("203.0.113.7", 1).allowed()).isTrue();
        }
        RateLimitDecision refused = limiter.check("203.0.113.7", 1);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers()).containsExactly(Map.entry("X-RateLimit-Limit", "120"),
                Map.entry("X-RateLimit-Remaining", "0"), Map.entry("X-RateLimit-Reset", "120"),
                Map.entry("Retry-After", "1"));
        assertThat(limiter.check("198.51.100.1", 1).allowed()).as("other keys are independent").isTrue();
    }

    @Test
    void check_failureTier_threePerFiveMinutes() {
        KeyedRateLimiter limiter = KeyedRateLimiter.of(RateLimitTiers.FAILURE, 1_000, time);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.check("alice", 1).allowed()).isTrue();
        }
        RateLimitDecision d = limiter.check("alice", 1);
        assertThat(d.allowed()).isFalse();
        assertThat(d.retryAfterSeconds()).isEqualTo(100);
        time.advance(100_000_000_000L);
        assertThat(limiter.check("alice", 1).allowed()).isTrue();
    }

    @Test
    void trackedKeys_areBoundedBySize() {
        KeyedRateLimiter limiter = KeyedRateLimiter.of(RateLimitTiers.AUTH, 500, time);
        for (int i = 0; i < 20_000; i++) {
            limiter.check("key-" + i, 1);
        }
        assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(500);
    }

    @Test
    void idleKeys_areForgottenOnceTheirBucketWouldBeFull() {
        KeyedRateLimiter limiter = KeyedRateLimiter.of(RateLimitTiers.AUTH, 500, time);
        limiter.check("bob", 10);
        assertThat(limiter.trackedKeys()).isEqualTo(1);
        time.advance(61_000_000_000L);
        assertThat(limiter.trackedKeys()).isZero();
        assertThat(limiter.check("bob", 10).allowed()).isTrue();
    }

    @Test
    void badArguments_areRejected() {
        assertThatThrownBy(() -> KeyedRateLimiter.of(RateLimitTiers.AUTH, 0, time)).hasMessageContaining("maxKeys");
        KeyedRateLimiter limiter = KeyedRateLimiter.of(RateLimitTiers.AUTH, 10, time);
        assertThatThrownBy(() -> limiter.check("", 1)).hasMessageContaining("key must not be empty");
    }
}
