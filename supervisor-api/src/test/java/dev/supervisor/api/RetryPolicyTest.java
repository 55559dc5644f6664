package dev.supervisor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void delayAfter_exponential_doublesUpToMaxDelay() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(10).backoff(Backoff.EXPONENTIAL, Duration.ofSeconds(1))
                .maxDelay(Duration.ofSeconds(10)).build();
        assertThat(p.delayAfter(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delayAfter(2, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayAfter(4, () -> 0.5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.delayAfter(5, () -> 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.delayAfter(500, () -> 0.5)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void delayAfter_linearAndFixed_growAsNamed() {
        RetryPolicy linear = RetryPolicy.builder().backoff(Backoff.LINEAR, Duration.ofSeconds(3)).build();
        RetryPolicy fixed = RetryPolicy.builder().backoff(Backoff.FIXED, Duration.ofSeconds(3)).build();
        assertThat(linear.delayAfter(2, () -> 0)).isEqualTo(Duration.ofSeconds(6));
        assertThat(fixed.delayAfter(2, () -> 0)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void delayAfter_fullJitter_staysWithinZeroAndTheComputedDelay() {
        long seed = System.nanoTime();
        System.out.println("delayAfter_fullJitter seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        RetryPolicy p = RetryPolicy.builder().maxAttempts(10).backoff(Backoff.EXPONENTIAL, Duration.ofSeconds(1))
                .maxDelay(Duration.ofSeconds(30)).jitter(true).build();
        double sum = 0;
        for (int i = 0; i < 10_000; i++) {
            Duration d = p.delayAfter(3, rnd::nextDouble);
            assertThat(d).as("seed %d", seed).isBetween(Duration.ZERO, Duration.ofSeconds(4));
            sum += d.toNanos();
        }
        // Uniform on [0, 4 s]: the mean is 2 s; 10,000 draws put it within 0.1 s with overwhelming probability.
        assertThat(sum / 10_000 / 1e9).as("seed %d", seed).isBetween(1.9, 2.1);
    }

    @Test
    void shouldRetry_retryOnAndAbortOn_filterFailures() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(3).retryOn(IOException.class, UncheckedIOException.class)
                .abortOn(java.io.FileNotFoundException.class).build();
        assertThat(p.shouldRetry(1, new IOException("x"))).isTrue();
        assertThat(p.shouldRetry(1, new java.io.FileNotFoundException("x"))).isFalse();
        assertThat(p.shouldRetry(1, new IllegalStateException("x"))).isFalse();
        assertThat(p.shouldRetry(3, new IOException("x"))).isFalse();
    }

    @Test
    void builder_badValues_failNamingTheOption() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be in [1, 1000] but was 0");
        assertThatThrownBy(() -> RetryPolicy.builder().backoff(Backoff.FIXED, Duration.ofSeconds(-1)))
                .hasMessage("delay must not be negative but was PT-1S");
        assertThatThrownBy(() -> RetryPolicy.builder().backoff(Backoff.FIXED, Duration.ofMinutes(5))
                .maxDelay(Duration.ofMinutes(1)).build()).hasMessage("maxDelay (PT1M) must not be below delay (PT5M)");
    }

    @Test
    void builder_longDelayWithoutMaxDelay_capsAtTheDelay() {
        RetryPolicy p = RetryPolicy.builder().backoff(Backoff.EXPONENTIAL, Duration.ofHours(1)).build();
        assertThat(p.maxDelay()).isEqualTo(Duration.ofHours(1));
    }
}
