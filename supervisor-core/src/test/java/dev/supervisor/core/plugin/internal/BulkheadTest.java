package dev.supervisor.core.plugin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A callback that times out quarantines its plugin, and the plugin runs nothing after it. The timer's thread
 * interrupts the callback and then quarantines; in between, the interrupted thread was free to take the next queued
 * callback (a loaded machine showed it: the hanging plugin received the event queued behind the one that hung).
 */
class BulkheadTest {
    @Test
    void timeout_theNextQueuedCallback_neverRuns_evenBeforeTheQuarantineIsRecorded() throws Exception {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        List<String> quarantines = new CopyOnWriteArrayList<>();
        Bulkhead b = new Bulkhead("p", getClass().getClassLoader(), 1, 10, clock, Duration.ofSeconds(5), 3,
                quarantines::add);
        CountDownLatch entered = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<Object> first = b.call("first", () -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await(); // hangs until interrupted
            } catch (InterruptedException e) {
                ran.add("first interrupted");
            }
            return null;
        }, true);
        assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> second = b.call("second", () -> ran.add("second"), true);

        // Runs on the timer's thread (here the test's, inside advance) between the interrupt and the quarantine:
        // by the time it returns, the plugin's thread has dealt with the second callback one way or the other.
        CompletableFuture<Boolean> secondRefusedBeforeQuarantine = first.handle((v, e) -> {
            try {
                second.get(60, TimeUnit.SECONDS);
                return false;
            } catch (ExecutionException refused) {
                return refused.getCause() instanceof Bulkhead.Refused && quarantines.isEmpty();
            } catch (Exception other) {
                return false;
            }
        });
        clock.advance(Duration.ofSeconds(5));

        assertThat(secondRefusedBeforeQuarantine.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("first interrupted");
        assertThat(quarantines).containsExactly("timed out after PT5S in first");
        assertThat(b.stats().timeouts()).isEqualTo(1);
        assertThat(b.stats().dropped()).isEqualTo(1);
        b.shutdown(Duration.ofSeconds(10));
    }
}
