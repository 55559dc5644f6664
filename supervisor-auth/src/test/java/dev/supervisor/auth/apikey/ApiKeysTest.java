package dev.supervisor.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.auth.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final ApiKeys keys = ApiKeys.of(clock, new SecureRandom());

    @Test
    void authenticate_validKeyAndScope_returnsPrincipalAndRecordsUse() {
        String key = keys.create("ci-bot", Set.of("workflows:execute"), Duration.ofDays(30));
        assertThat(key).startsWith("sk_").matches("sk_[A-Za-z0-9]{8}_[A-Za-z0-9]{43}[0-9a-f]{8}");
        ApiKeys.Principal p = keys.authenticate(key, "workflows:execute");
        assertThat(p.owner()).isEqualTo("ci-bot");
        assertThat(keys.lastUsed(key)).isEqualTo(clock.instant());
    }

    @Test
    void authenticate_missingScope_isRefusedNamingTheScope() {
        String key = keys.create("ci-bot", Set.of("workflows:read"), Duration.ofDays(30));
        assertThatThrownBy(() -> keys.authenticate(key, "workflows:execute"))
                .hasMessage("API key lacks scope 'workflows:execute'");
    }

    @Test
    void refusals_unknownRevokedExpiredAndBadChecksum_lookTheSame() {
        String revoked = keys.create("a", Set.of("s"), Duration.ofDays(1));
        keys.revoke(revoked);
        String expired = keys.create("b", Set.of("s"), Duration.ofHours(1));
        String good = keys.create("c", Set.of("s"), Duration.ofDays(1));
        String badCrc = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
        String unknown = "sk_AAAAAAAA_" + "B".repeat(43) + "00000000";
        String tooLong = good + "x".repeat(1_000_000);
        clock.advance(Duration.ofHours(2));
        for (String k : new String[] {revoked, expired, badCrc, unknown, "", "garbage", null, tooLong}) {
            assertThatThrownBy(() -> keys.authenticate(k, "s")).isInstanceOf(ApiKeyException.class)
                    .hasMessage("invalid API key");
        }
        assertThat(keys.authenticate(good, "s").owner()).isEqualTo("c");
    }

    @Test
    void rotate_oldKeyWorksOnlyWithinGrace() {
        String old = keys.create("svc", Set.of("s"), Duration.ofDays(30));
        String fresh = keys.rotate(old, Duration.ofDays(30), Duration.ofMinutes(10));
        assertThat(keys.authenticate(old, "s").owner()).isEqualTo("svc");
        assertThat(keys.authenticate(fresh, "s").owner()).isEqualTo("svc");
        clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> keys.authenticate(old, "s")).hasMessage("invalid API key");
        assertThat(keys.authenticate(fresh, "s").owner()).isEqualTo("svc");
    }
}
