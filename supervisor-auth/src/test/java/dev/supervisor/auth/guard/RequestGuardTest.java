package dev.supervisor.auth.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.auth.net.Cidr;
import dev.supervisor.auth.net.ClientAddress;
import dev.supervisor.auth.ratelimit.IpBlocker;
import dev.supervisor.auth.ratelimit.KeyedRateLimiter;
import dev.supervisor.auth.ratelimit.RateLimitTiers;
import dev.supervisor.auth.ratelimit.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestGuardTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TimeSource time = new TimeSource() {
        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void park(long nanos) {
            now.addAndGet(nanos);
        }
    };
    private final RequestGuard guard = RequestGuard.of(ClientAddress.trusting(List.of(Cidr.parse("10.0.0.0/8"))),
            KeyedRateLimiter.of(RateLimitTiers.GENERAL, 10_000, time),
            KeyedRateLimiter.of(RateLimitTiers.AUTH, 10_000, time), List.of("/auth"),
            IpBlocker.of(3, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1), List.of(), 10_000,
                    time));

    private static GuardRequest request(String path, String peer, String xff) {
        return new GuardRequest("GET", path, xff == null ? Map.of("Accept", List.of("*/*"))
                : Map.of("Accept", List.of("*/*"), "x-forwarded-for", List.of(xff)), peer);
    }

    @Test
    void check_authPath_usesTheAuthTierThen429sThenBlocks() {
        for (int i = 0; i < 10; i++) {
            assertThat(guard.check(request("/auth/login", "203.0.113.1", null)).status()).isEqualTo(200);
        }
        GuardDecision limited = guard.check(request("/auth/login", "203.0.113.1", null));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.reason()).isEqualTo("rate_limited");
        assertThat(limited.headers()).containsKeys("Retry-After", "X-RateLimit-Remaining");
        guard.check(request("/auth/login", "203.0.113.1", null));
        guard.check(request("/auth/login", "203.0.113.1", null));
        GuardDecision blocked = guard.check(request("/api/runs", "203.0.113.1", null));
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.headers()).containsEntry("Retry-After", "300");
    }

    @Test
    void check_generalPath_allowsEveryCommonClientRequest() {
        GuardDecision ok = guard.check(request("/api/workflows", "198.51.100.2", null));
        assertThat(ok.allowed()).isTrue();
        assertThat(ok.headers()).containsEntry("X-RateLimit-Limit", "120").containsEntry("X-RateLimit-Remaining",
                "119");
    }

    @Test
    void check_spoofedForwardedFor_fromUntrustedPeer_isIgnored() {
        for (int i = 0; i < 10; i++) {
            guard.check(request("/auth/login", "203.0.113.50", "1.1.1." + i));
        }
        assertThat(guard.check(request("/auth/login", "203.0.113.50", "9.9.9.9")).status()).isEqualTo(429);
    }

    @Test
    void check_forwardedFor_fromTrustedProxy_limitsTheRealClient() {
        for (int i = 0; i < 10; i++) {
            guard.check(request("/auth/login", "10.0.0.1", "198.51.100.77"));
        }
        assertThat(guard.check(request("/auth/login", "10.0.0.1", "198.51.100.77")).status()).isEqualTo(429);
        GuardDecision other = guard.check(request("/auth/login", "10.0.0.1", "198.51.100.78"));
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.client()).isEqualTo("198.51.100.78");
    }
}
