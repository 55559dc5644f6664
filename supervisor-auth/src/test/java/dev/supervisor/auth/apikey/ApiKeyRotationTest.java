package dev.supervisor.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.auth.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A stolen key cannot be kept alive by rotation; lifetimes and per-owner keys are bounded. */
class ApiKeyRotationTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final ApiKeys keys = ApiKeys.of(clock, new SecureRandom());

    @Test
    void rotate_keyAlreadyInItsGracePeriod_isRefused_andItsGraceIsNotExtended() {
        String stolen = keys.create("svc", Set.of("s"), Duration.ofDays(30));
        keys.rotate(stolen, Duration.ofDays(30), Duration.ofHours(1));
        assertThatThrownBy(() -> keys.rotate(stolen, Duration.ofDays(30), Duration.ofDays(7)))
                .isInstanceOf(ApiKeyException.class).hasMessageContaining("already being rotated");
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> keys.authenticate(stolen, "s")).hasMessage("invalid API key");
    }

    @Test
    void rotate_graceAndLifetime_areCapped() {
        String key = keys.create("svc", Set.of("s"), Duration.ofDays(2));
        assertThatThrownBy(() -> keys.rotate(key, Duration.ofDays(30), Duration.ofDays(8)))
                .hasMessageContaining("grace");
        assertThatThrownBy(() -> keys.rotate(key, Duration.ofDays(367), Duration.ofHours(1)))
                .hasMessageContaining("lifetime");
        assertThatThrownBy(() -> keys.create("svc", Set.of("s"), Duration.ofDays(3650)))
                .hasMessageContaining("lifetime");
        keys.rotate(key, Duration.ofDays(30), Duration.ofDays(7));
        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> keys.authenticate(key, "s")).as("grace never outlives the key's own expiry")
                .hasMessage("invalid API key");
    }

    @Test
    void create_ownerKeysAreBounded_andDeadKeysAreForgotten() {
        ApiKeys few = ApiKeys.of(clock, new SecureRandom(), Duration.ofDays(30), 3);
        for (int i = 0; i < 3; i++) {
            few.create("svc", Set.of("s"), Duration.ofDays(1));
        }
        assertThatThrownBy(() -> few.create("svc", Set.of("s"), Duration.ofDays(1)))
                .hasMessageContaining("3 live API keys");
        assertThat(few.create("other", Set.of("s"), Duration.ofDays(1))).isNotNull();
        clock.advance(Duration.ofDays(2));
        assertThat(few.create("svc", Set.of("s"), Duration.ofDays(1))).isNotNull();
        assertThat(few.stored()).isEqualTo(1);
    }
}
