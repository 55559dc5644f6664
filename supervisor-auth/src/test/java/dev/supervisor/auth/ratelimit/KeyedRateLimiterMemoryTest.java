package dev.supervisor.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Heap cost of one tracked key, measured with a million distinct client addresses (slow: {@code -Pslow}).
 */
@Tag("slow")
class KeyedRateLimiterMemoryTest {

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void millionDistinctKeys_costABoundedAmountEach() {
        FakeTime time = new FakeTime();
        KeyedRateLimiter limiter = KeyedRateLimiter.of(RateLimitTiers.GENERAL, 2_000_000, time);
        int n = 1_000_000;
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
        }
        long before = usedAfterGc();
        for (String k : keys) {
            limiter.check(k, 1);
        }
        long after = usedAfterGc();
        double perKey = (after - before) / (double) n;
        System.out.printf("KeyedRateLimiter: %.1f bytes per tracked key (keys themselves excluded)%n", perKey);
        assertThat(limiter.trackedKeys()).isEqualTo(n);
        assertThat(perKey).isLessThan(200);
    }
}
