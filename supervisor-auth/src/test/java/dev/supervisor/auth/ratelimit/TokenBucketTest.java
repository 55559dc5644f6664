package dev.supervisor.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;
    private final FakeTime time = new FakeTime();

    @Test
    void tryAcquire_eightThreadsNoRefill_exactlyCapacitySucceed() throws Exception {
        // One token per day: no refill can happen while the threads race.
        raceEightThreads(TokenBucket.of(RateLimit.of(new Bandwidth(1_000, 1, Duration.ofDays(1))), time), 1_000);
    }

    @Test
    void tryAcquire_eightThreadsTwoBandwidths_exactlyTheTightestCapacitySucceed() throws Exception {
        raceEightThreads(TokenBucket.of(RateLimit.of(new Bandwidth(5_000, 1, Duration.ofDays(1)),
                new Bandwidth(1_000, 1, Duration.ofDays(1))), time), 1_000);
    }

    private void raceEightThreads(TokenBucket bucket, int capacity) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            results.add(pool.submit(() -> {
                start.await();
                int ok = 0;
                for (int i = 0; i < 1_000; i++) {
                    if (bucket.tryAcquire(1)) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : results) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(total).isEqualTo(capacity);
    }

    @Test
    void tryAcquire_anyWindow_acceptsAtMostCapacityPlusRateTimesWindow() {
        long seed = System.nanoTime();
        System.out.println("tryAcquire_anyWindow seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        long capacity = 20;
        long perSecond = 5;
        TokenBucket bucket = TokenBucket.of(RateLimit.of(new Bandwidth(capacity, perSecond, Duration.ofSeconds(1))),
                time);
        List<Long> accepted = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            time.advance(rnd.nextLong(0, SECOND / 2));
            if (bucket.tryAcquire(1 + rnd.nextInt(3))) {
                accepted.add(time.nanoTime());
            }
        }
        // Every window [accepted[a], accepted[b]]: count ≤ capacity + rate × length (each accept takes ≥ 1 token).
        for (int a = 0; a < accepted.size(); a += 7) {
            for (int b = a; b < accepted.size() && b < a + 400; b++) {
                double window = (accepted.get(b) - accepted.get(a)) / (double) SECOND;
                assertThat(b - a + 1).as("seed %d window %d..%d", seed, a, b)
                        .isLessThanOrEqualTo((int) (capacity + perSecond * window));
            }
        }
        assertThat(accepted).as("seed %d: the limit still lets traffic through", seed).hasSizeGreaterThan(1000);
    }

    @Test
    void severalBandwidths_allMustAllow() {
        TokenBucket bucket = TokenBucket.of(RateLimit.of(Bandwidth.perSecond(10), Bandwidth.perMinute(15)), time);
        int ok = 0;
        for (int s = 0; s < 60; s++) {
            for (int i = 0; i < 10; i++) {
                ok += bucket.tryAcquire(1) ? 1 : 0;
            }
            time.advance(SECOND);
        }
        // 15 at once, then the per-minute bandwidth refills 15 over the next 59 s (14.75): the per-second one never
        // binds after the first second.
        assertThat(ok).isEqualTo(29);
    }

    @Test
    void refill_isExactInIntegerNanoseconds() {
        TokenBucket bucket = TokenBucket.of(RateLimit.of(new Bandwidth(3, 3, Duration.ofSeconds(1))), time);
        assertThat(bucket.tryAcquire(3)).isTrue();
        // A token is worth 1e9 units and 3 units arrive per nanosecond: it is complete after ceil(1e9 / 3) ns.
        time.advance(333_333_333L);
        assertThat(bucket.tryAcquire(1)).isFalse();
        time.advance(1);
        assertThat(bucket.tryAcquire(1)).isTrue();
        time.advance(Duration.ofDays(3650).toNanos());
        assertThat(bucket.available()).isEqualTo(3);
    }

    @Test
    void probe_reportsRemainingRetryAfterAndReset() {
        TokenBucket bucket = TokenBucket.of(RateLimit.of(Bandwidth.perMinute(60).withBurst(120)), time);
        assertThat(bucket.tryAcquireAndProbe(100).remaining()).isEqualTo(20);
        Probe refused = bucket.tryAcquireAndProbe(50);
        assertThat(refused.consumed()).isFalse();
        assertThat(refused.nanosToWait()).isEqualTo(30 * SECOND);
        assertThat(refused.retryAfterSeconds()).isEqualTo(30);
        assertThat(refused.nanosToFull()).isEqualTo(100 * SECOND);
    }

    @Test
    void acquire_waitsForRefillWithinTimeout_andGivesUpAtOnceOtherwise() throws Exception {
        TokenBucket bucket = TokenBucket.of(RateLimit.of(Bandwidth.perSecond(2)), time);
        assertThat(bucket.tryAcquire(2)).isTrue();
        long before = time.nanoTime();
        assertThat(bucket.acquire(1, Duration.ofSeconds(1))).isTrue();
        assertThat(time.nanoTime() - before).isEqualTo(SECOND / 2);
        long at = time.nanoTime();
        assertThat(bucket.acquire(2, Duration.ofMillis(100))).isFalse();
        assertThat(time.nanoTime()).isEqualTo(at);
    }

    @Test
    void badArguments_areRejectedNamingTheValue() {
        TokenBucket bucket = TokenBucket.of(RateLimit.of(Bandwidth.perSecond(5)), time);
        assertThatThrownBy(() -> bucket.tryAcquire(0)).hasMessage("tokens must be positive but was 0");
        assertThatThrownBy(() -> bucket.tryAcquire(6))
                .hasMessage("cannot take 6 tokens from a bandwidth of capacity 5");
        assertThatThrownBy(() -> new Bandwidth(0, 1, Duration.ofSeconds(1))).hasMessageContaining("capacity");
        assertThatThrownBy(() -> Bandwidth.of(Long.MAX_VALUE / 2, Duration.ofHours(1)))
                .hasMessageContaining("too large for nanosecond arithmetic");
        assertThatThrownBy(RateLimit::of).hasMessageContaining("1 to 8 bandwidths");
    }
}
