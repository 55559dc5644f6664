package dev.supervisor.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.auth.net.Cidr;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpBlockerTest {
    private static final long MINUTE = 60_000_000_000L;
    private final FakeTime time = new FakeTime();
    private final IpBlocker blocker = IpBlocker.of(5, Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), List.of(Cidr.parse("192.0.2.0/24")), 10_000, time);

    private boolean violate(String ip, int times) {
        boolean blocked = false;
        for (int i = 0; i < times; i++) {
            blocked = blocker.recordViolation(ip);
        }
        return blocked;
    }

    @Test
    void violationsWithinWindow_blockThenExpire() {
        assertThat(violate("203.0.113.5", 4)).isFalse();
        assertThat(violate("203.0.113.5", 1)).isTrue();
        assertThat(blocker.blockedFor("203.0.113.5")).isEqualTo(Duration.ofMinutes(5));
        time.advance(5 * MINUTE);
        assertThat(blocker.blockedFor("203.0.113.5")).isZero();
    }

    @Test
    void violationsSpreadBeyondTheWindow_doNotBlock() {
        for (int i = 0; i < 20; i++) {
            assertThat(blocker.recordViolation("203.0.113.6")).isFalse();
            time.advance(MINUTE / 4 + 1);
        }
    }

    @Test
    void repeatedBlocks_escalateUpToTheMaximum() {
        long[] lengths = new long[5];
        for (int k = 0; k < 5; k++) {
            violate("203.0.113.7", 5);
            lengths[k] = blocker.blockedFor("203.0.113.7").toMinutes();
            time.advance(lengths[k] * MINUTE);
        }
        assertThat(lengths).containsExactly(5, 10, 20, 30, 30);
    }

    @Test
    void ipv6Neighbours_inOneSlash64_shareTheBlock() {
        for (int i = 0; i < 5; i++) {
            blocker.recordViolation("2001:db8:7:7::" + Integer.toHexString(i + 1));
        }
        assertThat(blocker.blockedFor("2001:db8:7:7:ffff::9")).isPositive();
        assertThat(blocker.blockedFor("2001:db8:7:8::1")).isZero();
    }

    @Test
    void allowlisted_isNeverBlocked() {
        assertThat(violate("192.0.2.44", 100)).isFalse();
        assertThat(blocker.blockedFor("192.0.2.44")).isZero();
    }

    @Test
    void badConfiguration_isRejectedNamingIt() {
        assertThatThrownBy(() -> IpBlocker.of(0, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
                List.of(), 10, time)).hasMessageContaining("violations");
        assertThatThrownBy(() -> IpBlocker.of(1, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(1),
                List.of(), 10, time)).hasMessageContaining("maxBlock");
    }
}
