package dev.supervisor.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.auth.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Honest concurrent refreshes keep the user signed in; families end; bound tokens stay with their client. */
class RefreshRaceTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> reuses = new ArrayList<>();
    private final RefreshTokens tokens = RefreshTokens.of(TokenStore.inMemory(), clock, new SecureRandom(),
            Duration.ofDays(1), Duration.ofDays(3), Duration.ofSeconds(5), (s, f) -> reuses.add(s));

    @Test
    void rotate_sameClientTwiceWithinTheRaceWindow_doesNotLogTheUserOut() {
        String r1 = tokens.issue("alice", "device-1").token();
        String r2 = tokens.rotate(r1, "device-1").token();
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> tokens.rotate(r1, "device-1")).hasMessageContaining("moments ago");
        assertThat(reuses).isEmpty();
        assertThat(tokens.rotate(r2, "device-1")).isNotNull();
    }

    @Test
    void rotate_spentTokenAfterTheWindow_orFromAnotherClient_revokesTheFamily() {
        String r1 = tokens.issue("bob", "device-1").token();
        String r2 = tokens.rotate(r1, "device-1").token();
        assertThatThrownBy(() -> tokens.rotate(r1, "device-2")).hasMessageContaining("another client");
        assertThatThrownBy(() -> tokens.rotate(r2, "device-1")).hasMessage("invalid refresh token");
        String s1 = tokens.issue("carol").token();
        tokens.rotate(s1);
        clock.advance(Duration.ofSeconds(6));
        assertThatThrownBy(() -> tokens.rotate(s1)).hasMessageContaining("reused");
        assertThat(reuses).containsExactly("bob", "carol");
    }

    @Test
    void rotate_familyEndsAtItsAbsoluteLifetime_howeverOftenItRotates() {
        String t = tokens.issue("dave").token();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofHours(12));
            t = tokens.rotate(t).token();
        }
        clock.advance(Duration.ofHours(12)); // 72 h since login
        String last = t;
        assertThatThrownBy(() -> tokens.rotate(last)).hasMessage("invalid refresh token");
    }

    @Test
    void rotate_hugeToken_isRefusedWithoutHashingIt() {
        assertThatThrownBy(() -> tokens.rotate("x".repeat(10_000_000))).hasMessage("invalid refresh token");
    }
}
