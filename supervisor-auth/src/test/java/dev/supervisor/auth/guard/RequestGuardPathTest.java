package dev.supervisor.auth.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.auth.net.ClientAddress;
import dev.supervisor.auth.ratelimit.IpBlocker;
import dev.supervisor.auth.ratelimit.KeyedRateLimiter;
import dev.supervisor.auth.ratelimit.RateLimit;
import dev.supervisor.auth.ratelimit.Bandwidth;
import dev.supervisor.auth.ratelimit.TimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The authentication tier cannot be escaped by spelling its path differently. */
class RequestGuardPathTest {
    private final long[] now = {1_000_000_000L};
    private final TimeSource time = new TimeSource() {
        @Override
        public long nanoTime() {
            return now[0];
        }

        @Override
        public void park(long nanos) {
            now[0] += nanos;
        }
    };

    private RequestGuard guard() {
        return RequestGuard.of(ClientAddress.trusting(List.of()),
                KeyedRateLimiter.of(RateLimit.of(Bandwidth.perMinute(1000)), 10_000, time),
                KeyedRateLimiter.of(RateLimit.of(Bandwidth.perMinute(3)), 10_000, time), List.of("/auth"),
                IpBlocker.of(1000, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1), List.of(),
                        10_000, time));
    }

    private static GuardRequest get(String path) {
        return new GuardRequest("POST", path, Map.of(), "203.0.113.9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/login", "//auth/login", "/%61uth/login", "/./auth/login", "/x/../auth/login",
        "/auth/./login", "/AUTH/login", "/Auth/Login/", "/auth//login", "/%41UTH/login", "/auth/login?x=1",
        "/\uFF41uth/login", "/auth", "/x/%2e%2e/auth/login", "/auth/login#frag"})
    void check_everySpellingOfAnAuthPath_usesTheAuthTier_3of20Allowed(String path) {
        RequestGuard g = guard();
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            allowed += g.check(get(path)).allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth;jsessionid=1/../auth/login", "/auth/login;x", "/%2561uth/login",
        "/%252e%252e/auth/login", "/%c0%ae%c0%ae/auth/login", "/x/%e0%80%ae%e0%80%ae/auth/login", "/auth\\login",
        "/auth%5clogin", "/auth%2flogin", "/.../auth/login", "/auth./login", "/auth%20/login", "/auth/login%",
        "/auth/%zz", "/auth/\u0000", "/auth%00/login"})
    void check_pathsThatCannotBeMadeCanonical_areRefusedWith400(String path) {
        GuardDecision d = guard().check(get(path));
        assertThat(d.status()).isEqualTo(400);
        assertThat(d.reason()).isEqualTo("bad_path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/authx/login", "/api/auth", "/authentication-docs"})
    void check_pathsMerelyStartingWithTheSameLetters_stayInTheGeneralTier(String path) {
        RequestGuard g = guard();
        for (int i = 0; i < 20; i++) {
            assertThat(g.check(get(path)).allowed()).isTrue();
        }
    }
}
