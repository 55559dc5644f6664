package dev.supervisor.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.auth.net.Cidr;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flooding new keys must not hand anyone a fresh bucket, nor unblock a blocked address. */
class KeyFloodTest {
    private final FakeTime time = new FakeTime();

    @Test
    void check_victimKeyAfterFloodOf20000JunkKeysInto1000_getsNoFreshBucket_0of5Tokens() {
        KeyedRateLimiter limiter = KeyedRateLimiter.of(RateLimit.of(Bandwidth.of(5, Duration.ofMinutes(5))), 1_000,
                time);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.check("alice", 1).allowed()).isTrue();
        }
        int junkAllowed = 0;
        for (int i = 0; i < 20_000; i++) {
            junkAllowed += limiter.check("junk-" + i, 1).allowed() ? 1 : 0;
        }
        int victim = 0;
        for (int i = 0; i < 20; i++) {
            victim += limiter.check("alice", 1).allowed() ? 1 : 0;
        }
        assertThat(victim).as("tokens the victim key got back after the flood").isZero();
        assertThat(limiter.trackedKeys()).isLessThanOrEqualTo(1_000);
        // 999 junk keys fit in the table; the other 19,001 share one overflow bucket of 5 tokens.
        assertThat(junkAllowed).isEqualTo(999 + 5);
        assertThat(limiter.overflowedChecks()).isEqualTo(19_001);
    }

    @Test
    void check_afterTheFloodIdlesOut_newKeysGetTheirOwnBucketsAgain() {
        KeyedRateLimiter limiter = KeyedRateLimiter.of(RateLimit.of(Bandwidth.of(5, Duration.ofMinutes(5))), 100,
                time);
        for (int i = 0; i < 1_000; i++) {
            limiter.check("junk-" + i, 1);
        }
        assertThat(limiter.check("bob", 1).allowed()).as("shares the drained overflow bucket").isFalse();
        time.advance(Duration.ofMinutes(5).toNanos() + 1);
        assertThat(limiter.trackedKeys()).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.check("bob", 1).allowed()).isTrue();
        }
    }

    @Test
    void recordViolation_floodOf50000AddressesInto1000_blockedAddressStaysBlocked() {
        IpBlocker blocker = IpBlocker.of(3, Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1),
                List.of(Cidr.parse("192.0.2.0/24")), 1_000, time);
        for (int i = 0; i < 3; i++) {
            blocker.recordViolation("203.0.113.66");
        }
        assertThat(blocker.blockedFor("203.0.113.66")).isEqualTo(Duration.ofMinutes(10));
        for (int i = 0; i < 50_000; i++) {
            blocker.recordViolation("2001:db8:" + Integer.toHexString(i >> 16) + ":" + Integer.toHexString(i & 0xffff)
                    + "::1");
        }
        assertThat(blocker.blockedFor("203.0.113.66")).isEqualTo(Duration.ofMinutes(10));
        assertThat(blocker.blockedFor("2001:db8:0:ffff::7")).as("the flood's untracked addresses share a block")
                .isPositive();
    }

    @Test
    void blockedFor_pollingWhileBlocked_doesNotKeepStrikesForever() {
        IpBlocker blocker = IpBlocker.of(1, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(4),
                List.of(), 100, time);
        blocker.recordViolation("203.0.113.7");
        for (int i = 0; i < 100; i++) {
            blocker.blockedFor("203.0.113.7");
            time.advance(Duration.ofSeconds(6).toNanos());
        }
        blocker.recordViolation("203.0.113.7");
        assertThat(blocker.blockedFor("203.0.113.7")).as("strikes forgiven: back to the base block")
                .isEqualTo(Duration.ofMinutes(1));
    }
}
