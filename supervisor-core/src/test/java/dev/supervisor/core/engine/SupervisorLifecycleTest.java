package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.done;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunProgress;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.Backoff;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.SubmissionRejectedException;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class SupervisorLifecycleTest {
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");

    private SupervisorConfig.SupervisorConfigBuilder base() {
        return SupervisorConfig.builder().clock(clock).delayScheduler(clock).executor(Runnable::run);
    }

    /* ---- events ---- */

    @Test
    void events_syncSubscriber_seesLifecycleInOrder() {
        Supervisor sup = Supervisor.create(base().handler(WORK, ctx -> {
            if (ctx.attempt() == 1 && ctx.task().id().equals("b")) {
                throw new IOException("flaky");
            }
            return null;
        }).build());
        List<String> seen = new ArrayList<>();
        sup.events().subscribe(SupervisorEvent.class, e -> seen.add(e.getClass().getSimpleName()
                + (e instanceof TaskEvent t ? ":" + t.taskId() : "")));
        RetryPolicy retry = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, Duration.ofSeconds(1)).build();

        RunHandle run = sup.submit(WorkflowSpec.builder("w").task(task("a")).task(task("b", "a").retryPolicy(retry))
                .build());
        clock.advance(Duration.ofSeconds(1));
        done(run);

        assertThat(seen).containsExactly("RunStarted", "TaskStarted:a", "TaskSucceeded:a", "TaskStarted:b",
                "TaskRetrying:b", "TaskStarted:b", "TaskSucceeded:b", "RunFinished");
    }

    @Test
    void events_typedSubscription_receivesOnlyThatType() {
        Supervisor sup = Supervisor.create(base().handler(WORK, ctx -> {
            throw new IllegalStateException("nope");
        }).build());
        List<TaskFailed> failed = new ArrayList<>();
        List<RunStarted> started = new ArrayList<>();
        sup.events().subscribe(TaskFailed.class, failed::add);
        sup.events().subscribe(RunStarted.class, started::add);
        done(sup.submit(WorkflowSpec.builder("w").task(task("a")).build()));
        assertThat(failed).singleElement().satisfies(f -> assertThat(f.error())
                .isEqualTo("IllegalStateException: nope"));
        assertThat(started).hasSize(1);
    }

    @Test
    void events_throwingListener_isIsolatedAndCounted() {
        Supervisor sup = Supervisor.create(base().handler(WORK, ctx -> null).build());
        List<TaskSucceeded> ok = new ArrayList<>();
        sup.events().subscribe(TaskStarted.class, e -> {
            throw new IllegalStateException("listener bug");
        });
        sup.events().subscribe(TaskSucceeded.class, ok::add);
        var out = done(sup.submit(WorkflowSpec.builder("w").task(task("a")).task(task("b")).build()));
        assertThat(out.status()).isEqualTo(dev.supervisor.api.RunStatus.SUCCEEDED);
        assertThat(ok).hasSize(2);
        assertThat(sup.events().listenerFailures()).isEqualTo(2);
    }

    @Test
    void events_asyncSubscriberWithFullQueue_dropsAndCountsWithoutBlockingTheRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.ExecutorService deliveries = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Supervisor sup = Supervisor.create(base().eventBus(dev.supervisor.core.EventBuses.create(2, deliveries))
                    .handler(WORK, ctx -> null).build());
            List<SupervisorEvent> got = java.util.Collections.synchronizedList(new ArrayList<>());
            sup.events().subscribeAsync(SupervisorEvent.class, e -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                got.add(e);
            });
            WorkflowSpec.Builder b = WorkflowSpec.builder("w");
            for (int i = 0; i < 20; i++) {
                b.task(task("t" + i));
            }
            assertThat(done(sup.submit(b.build())).status()).isEqualTo(dev.supervisor.api.RunStatus.SUCCEEDED);
            assertThat(sup.events().droppedEvents()).isGreaterThan(0);
            release.countDown();
        } finally {
            deliveries.shutdown();
            assertThat(deliveries.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void mdc_insideHandler_carriesRunAndTaskIds() {
        List<String> mdc = new ArrayList<>();
        Supervisor sup = Supervisor.create(base().handler(WORK, ctx -> {
            mdc.add(MDC.get("runId") + "/" + MDC.get("taskId"));
            return null;
        }).build());
        RunHandle run = sup.submit(WorkflowSpec.builder("w").task(task("a")).build());
        assertThat(mdc).containsExactly(run.runId() + "/a");
        assertThat(MDC.get("runId")).isNull();
    }

    /* ---- admission and shutdown ---- */

    @Test
    void submit_beyondMaxActiveRuns_isRejectedWithClearError() {
        Supervisor sup = Supervisor.create(base().maxActiveRuns(1).handler(WORK, ctx -> {
            throw new IOException("x");
        }).build());
        RetryPolicy slow = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, Duration.ofHours(1)).build();
        sup.submit(WorkflowSpec.builder("first").task(task("a").retryPolicy(slow)).build());
        assertThatThrownBy(() -> sup.submit(WorkflowSpec.builder("second").task(task("a")).build()))
                .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("maxActiveRuns=1")
                .hasMessageContaining("'second'");
    }

    @Test
    void shutdown_stopsAccepting_andCancelsRunsPastTheDeadline() {
        Supervisor sup = Supervisor.create(base().handler(WORK, ctx -> {
            throw new IOException("x");
        }).build());
        RetryPolicy slow = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, Duration.ofHours(1)).build();
        RunHandle run = sup.submit(WorkflowSpec.builder("w").task(task("a").retryPolicy(slow)).build());

        assertThat(sup.shutdown(Duration.ofMillis(10))).isFalse();
        assertThat(done(run).status()).isEqualTo(dev.supervisor.api.RunStatus.CANCELLED);
        assertThatThrownBy(() -> sup.submit(WorkflowSpec.builder("w").task(task("a")).build()))
                .isInstanceOf(SubmissionRejectedException.class).hasMessageContaining("shutting down");
    }

    /* ---- progress and lookup ---- */

    @Test
    void progress_midRun_countsDoneAndEstimatesRemaining() {
        Supervisor sup = Supervisor.create(base().handler(WORK, ctx -> {
            if (ctx.task().id().equals("b")) {
                throw new IOException("wait");
            }
            clock.advance(Duration.ofSeconds(10)); // 'a' takes exactly its estimate
            return null;
        }).build());
        RetryPolicy slow = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, Duration.ofMinutes(1)).build();
        RunHandle run = sup.submit(WorkflowSpec.builder("w")
                .task(task("a").estimatedDuration(Duration.ofSeconds(10)))
                .task(task("b", "a").estimatedDuration(Duration.ofSeconds(20)).retryPolicy(slow))
                .task(task("c", "b").estimatedDuration(Duration.ofSeconds(30))).build());

        RunProgress p = run.progress();
        assertThat(p.total()).isEqualTo(3);
        assertThat(p.done()).isEqualTo(1);
        assertThat(p.eta()).hasValue(Duration.ofSeconds(50));
        assertThat(sup.run(run.runId())).containsSame(run);
    }

    @Test
    void runFinished_event_reportsCounts() {
        Supervisor sup = Supervisor.create(base().handler(WORK, ctx -> null).build());
        List<RunFinished> fin = new ArrayList<>();
        sup.events().subscribe(RunFinished.class, fin::add);
        done(sup.submit(WorkflowSpec.builder("w").task(task("a")).task(task("b")).build()));
        assertThat(fin).singleElement().satisfies(f -> assertThat(f.succeeded()).isEqualTo(2));
    }

    @Test
    void retrying_event_carriesDelay() {
        Supervisor sup = Supervisor.create(base().handler(WORK, ctx -> {
            throw new IOException("x");
        }).build());
        List<TaskRetrying> r = new ArrayList<>();
        sup.events().subscribe(TaskRetrying.class, r::add);
        sup.submit(WorkflowSpec.builder("w").task(task("a").retryPolicy(RetryPolicy.builder().maxAttempts(2)
                .backoff(Backoff.LINEAR, Duration.ofSeconds(3)).build())).build());
        assertThat(r).singleElement().satisfies(e -> assertThat(e.delay()).isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void outcome_ofARunFollowedInTheStore_failsWhenTheFollowingSupervisorCloses() {
        RunStore store = RunStores.inMemory();
        List<Runnable> queued = new ArrayList<>(); // the driver's attempts wait here until the test runs them
        Supervisor driver = Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(queued::add).runStore(store).handler(WORK, ctx -> "done").build());
        RunHandle driven = driver.submit(WorkflowSpec.builder("w").task(task("a")).build());
        Supervisor follower = Supervisor.create(base().runStore(store).build());
        RunHandle followed = follower.run(driven.runId()).orElseThrow();

        follower.close();
        queued.forEach(Runnable::run);

        assertThat(followed.outcome()).isCompletedExceptionally();
        assertThatThrownBy(() -> followed.outcome().join()).hasCauseInstanceOf(SupervisorException.class)
                .hasMessageContaining("run " + driven.runId() + " had not ended when the supervisor following it"
                        + " was closed");
        assertThat(done(driven).status()).isEqualTo(RunStatus.SUCCEEDED);
        driver.close();
    }
}
