package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.await;
import static dev.supervisor.core.engine.EngineTestSupport.done;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SupervisorTimingTest {
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private Supervisor sameThread(TaskHandler handler) {
        return Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(Runnable::run).handler(WORK, handler).build());
    }

    private Supervisor pooled(TaskHandler handler) {
        return Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock).executor(pool)
                .cancellationGrace(Duration.ofSeconds(5)).handler(WORK, handler).build());
    }

    /* ---- queue wait ---- */

    @Test
    void taskStarted_reportsHowLongTheTaskWaitedForASlot() {
        // One slot: b is READY from the start but waits while a holds the slot for 5 s of clock time.
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(Runnable::run).maxConcurrency(1).handler(WORK, ctx -> {
                    if (ctx.task().id().equals("a")) {
                        clock.advance(Duration.ofSeconds(5));
                    }
                    return null;
                }).build());
        List<dev.supervisor.api.event.TaskStarted> started = Collections.synchronizedList(new ArrayList<>());
        sup.events().subscribe(dev.supervisor.api.event.TaskStarted.class, started::add);

        RunOutcome out = await(sup.submit(WorkflowSpec.builder("wait").task(task("a")).task(task("b")).build()));

        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(started).extracting(e -> e.taskId() + "=" + e.queueWait()).containsExactly("a=PT0S", "b=PT5S");
    }

    /* ---- retries ---- */

    @Test
    void retry_exponentialBackoff_waitsOnTheClockBetweenAttempts() {
        List<Instant> starts = Collections.synchronizedList(new ArrayList<>());
        Supervisor sup = sameThread(ctx -> {
            starts.add(ctx.clock().instant());
            if (ctx.attempt() < 3) {
                throw new IOException("flaky network");
            }
            return "ok";
        });
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).backoff(Backoff.EXPONENTIAL, Duration.ofSeconds(2))
                .maxDelay(Duration.ofMinutes(1)).build();
        RunHandle run = sup.submit(WorkflowSpec.builder("r").task(task("a").retryPolicy(policy)).build());

        assertThat(run.taskStates().get("a")).isEqualTo(TaskState.RETRY_WAIT);
        clock.advance(Duration.ofMillis(1999));
        assertThat(starts).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(starts).hasSize(2);
        clock.advance(Duration.ofSeconds(4));

        RunOutcome out = done(run);
        assertThat(out.task("a").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(out.task("a").attempts()).isEqualTo(3);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(starts).containsExactly(t0, t0.plusSeconds(2), t0.plusSeconds(6));
    }

    @Test
    void retry_abortOnType_failsWithoutRetrying() {
        AtomicInteger calls = new AtomicInteger();
        Supervisor sup = sameThread(ctx -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        });
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).abortOn(IllegalArgumentException.class).build();
        RunOutcome out = done(sup.submit(WorkflowSpec.builder("r").task(task("a").retryPolicy(policy)).build()));
        assertThat(out.task("a").state()).isEqualTo(TaskState.FAILED);
        assertThat(calls).hasValue(1);
    }

    @Test
    void retry_exhausted_failsAfterMaxAttempts() {
        AtomicInteger calls = new AtomicInteger();
        Supervisor sup = sameThread(ctx -> {
            calls.incrementAndGet();
            throw new IOException("down");
        });
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).backoff(Backoff.FIXED, Duration.ofSeconds(1)).build();
        RunHandle run = sup.submit(WorkflowSpec.builder("r").task(task("a").retryPolicy(policy)).build());
        clock.advance(Duration.ofSeconds(10));
        assertThat(done(run).task("a").state()).isEqualTo(TaskState.FAILED);
        assertThat(calls).hasValue(3);
    }

    /* ---- timeouts ---- */

    @Test
    void timeout_cooperativeHandler_stopsAndIsTimedOut() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Supervisor sup = pooled(ctx -> {
            started.countDown();
            while (!ctx.isCancelled()) {
                LockSupport.parkNanos(100_000);
            }
            return null;
        });
        RunHandle run = sup.submit(WorkflowSpec.builder("t").task(task("slow").timeout(Duration.ofSeconds(30)))
                .build());
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofSeconds(30));

        RunOutcome out = await(run);
        assertThat(out.task("slow").state()).isEqualTo(TaskState.TIMED_OUT);
        assertThat(out.task("slow").error()).contains("timed out after PT30S");
        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void timeout_handlerIgnoringCancel_isInterruptedAfterGrace() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Supervisor sup = pooled(ctx -> {
            started.countDown();
            new CountDownLatch(1).await();
            return null;
        });
        RunHandle run = sup.submit(WorkflowSpec.builder("t").task(task("stuck").timeout(Duration.ofSeconds(10)))
                .build());
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(run.outcome()).isNotDone();
        clock.advance(Duration.ofSeconds(5));

        assertThat(await(run).task("stuck").state()).isEqualTo(TaskState.TIMED_OUT);
    }

    @Test
    void timeout_thenRetry_succeedsOnSecondAttempt() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        Supervisor sup = pooled(ctx -> {
            if (ctx.attempt() == 1) {
                firstStarted.countDown();
                while (!ctx.isCancelled()) {
                    LockSupport.parkNanos(100_000);
                }
            }
            return "attempt " + ctx.attempt();
        });
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, Duration.ZERO).build();
        RunHandle run = sup.submit(WorkflowSpec.builder("t")
                .task(task("a").timeout(Duration.ofSeconds(5)).retryPolicy(policy)).build());
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofSeconds(5));
        // The retry is due immediately; it is scheduled once the timed-out attempt has returned.
        RunOutcome out = awaitWhileTicking(run);
        assertThat(out.task("a").output()).isEqualTo("attempt 2");
    }

    private RunOutcome awaitWhileTicking(RunHandle run) throws Exception {
        for (int i = 0; i < 60_000 && !run.outcome().isDone(); i++) {
            clock.runDue();
            try {
                run.outcome().get(1, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // not yet: tick again
            }
        }
        return await(run);
    }

    /* ---- run timeout and cancel ---- */

    @Test
    void runTimeout_expires_cancelsEverythingAndReportsTimedOut() {
        Supervisor sup = sameThread(ctx -> {
            throw new IOException("retrying forever");
        });
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(100).backoff(Backoff.FIXED, Duration.ofMinutes(1))
                .build();
        RunHandle run = sup.submit(WorkflowSpec.builder("t").timeout(Duration.ofMinutes(5))
                .task(task("a").retryPolicy(policy)).task(task("b", "a")).build());
        clock.advance(Duration.ofMinutes(5));
        RunOutcome out = done(run);
        assertThat(out.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(out.task("b").state()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void cancel_midFlight_stopsRunningAndCancelsPending() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger ranAfter = new AtomicInteger();
        Supervisor sup = pooled(ctx -> {
            if (ctx.task().id().equals("a")) {
                started.countDown();
                while (!ctx.isCancelled()) {
                    LockSupport.parkNanos(100_000);
                }
                return null;
            }
            ranAfter.incrementAndGet();
            return null;
        });
        RunHandle run = sup.submit(WorkflowSpec.builder("c").task(task("a")).task(task("b", "a")).build());
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(run.cancel()).isTrue();
        assertThat(run.cancel()).isFalse();
        RunOutcome out = await(run);

        assertThat(out.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(out.task("a").state()).isEqualTo(TaskState.CANCELLED);
        assertThat(out.task("b").state()).isEqualTo(TaskState.CANCELLED);
        assertThat(ranAfter).hasValue(0);
    }
}
