package dev.supervisor.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.Priority;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunProgress;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The code of docs/workflows.md, compiled and run. Each region between {@code tag::name[]} and
 * {@code end::name[]} is shown in the guide word for word ({@code DocSnippetsTest} checks it).
 */
class WorkflowsGuideTest {
    private static final TaskType BUILD = TaskType.of("build");

    /** The guide's example workflow. */
    static WorkflowSpec releaseWorkflow() {
        // tag::define[]
        WorkflowSpec release = WorkflowSpec.builder("release")
                .name("Build, check and publish a release")
                .task(TaskSpec.builder("compile", TaskType.of("build"))
                        .config(Map.of("module", "payments"))
                        .estimatedDuration(Duration.ofMinutes(2)))
                .task(TaskSpec.builder("test", TaskType.TESTING).dependsOn("compile")
                        .estimatedDuration(Duration.ofMinutes(5)))
                .task(TaskSpec.builder("scan", TaskType.SECURITY_AUDIT).dependsOn("compile")
                        .priority(Priority.HIGH)
                        .tags("static-analysis"))
                .task(TaskSpec.builder("publish", TaskType.DEPLOYMENT).dependsOn("test", "scan")
                        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()))
                .build();
        // end::define[]
        return release;
    }

    // tag::handler-class[]
    /** Publishes what the upstream tasks produced. Thread-safe: it keeps no state of its own. */
    static final class PublishHandler implements TaskHandler {
        @Override
        public Object execute(TaskContext ctx) {
            String version = (String) ctx.inputs().get("version");
            Map<?, ?> tests = (Map<?, ?>) ctx.upstreamOutput("test");
            // The key is the same for every attempt of this task in this run: give it to the registry so
            // that a retried upload cannot publish twice.
            String uploadKey = ctx.idempotencyKey();
            return Map.of("version", version, "testsPassed", tests.get("passed"), "uploadKey", uploadKey);
        }
    }
    // end::handler-class[]

    @Test
    void submit_releaseWorkflow_runsEveryTaskAndReturnsTheOutputs() {
        // tag::handlers[]
        SupervisorConfig config = SupervisorConfig.builder()
                .handler(TaskType.of("build"), ctx -> Map.of("jar", ctx.task().config().get("module") + ".jar"))
                .handler(TaskType.TESTING, ctx -> Map.of("passed", 128, "failed", 0))
                .handler(TaskType.SECURITY_AUDIT, ctx -> List.of())
                .handler(TaskType.DEPLOYMENT, new PublishHandler())
                .build();
        // end::handlers[]

        // tag::submit[]
        Supervisor supervisor = Supervisor.create(config);
        RunHandle run = supervisor.submit(releaseWorkflow(), Map.of("version", "1.4.0"));
        RunOutcome outcome = run.outcome().join();

        System.out.println(outcome.status());                      // SUCCEEDED
        System.out.println(outcome.task("compile").output());      // {jar=payments.jar}
        System.out.println(outcome.task("publish").attempts());    // 1
        System.out.println(outcome.task("scan").state());          // SUCCEEDED
        supervisor.close();                                        // stops its threads
        // end::submit[]

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(outcome.task("compile").output()).isEqualTo(Map.of("jar", "payments.jar"));
        assertThat(outcome.task("publish").output()).isEqualTo(Map.of("version", "1.4.0", "testsPassed", 128,
                "uploadKey", run.runId() + ":publish"));
        assertThat(outcome.task("publish").attempts()).isEqualTo(1);
        assertThat(outcome.task("scan").state()).isEqualTo(TaskState.SUCCEEDED);
        // Not asserted: the critical path, which depends on whether "test" or "scan" ended last on the pool.
    }

    @Test
    void retryPolicy_exponentialWithCap_growsThenStaysAtTheCap() {
        // tag::retry-policy[]
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(5)                                       // the first attempt and up to 4 retries
                .backoff(Backoff.EXPONENTIAL, Duration.ofMillis(200)) // 200 ms, 400 ms, 800 ms, ...
                .maxDelay(Duration.ofSeconds(1))                      // ... but never more than 1 s
                .jitter(true)                                         // each delay drawn from [0, delay]
                .retryOn(IOException.class)                           // retry these failures ...
                .abortOn(FileNotFoundException.class)                 // ... except these
                .build();
        // end::retry-policy[]

        RetryPolicy noJitter = RetryPolicy.builder().maxAttempts(5).backoff(Backoff.EXPONENTIAL,
                Duration.ofMillis(200)).maxDelay(Duration.ofSeconds(1)).build();
        List<Duration> delays = new ArrayList<>();
        for (int failed = 1; failed <= 4; failed++) {
            delays.add(noJitter.delayAfter(failed, () -> 0.5));
        }
        assertThat(delays).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofSeconds(1));
        assertThat(policy.delayAfter(2, () -> 0.5)).isEqualTo(Duration.ofMillis(200)); // half of 400 ms
        assertThat(policy.shouldRetry(1, new IOException("reset"))).isTrue();
        assertThat(policy.shouldRetry(1, new FileNotFoundException("gone"))).isFalse();
        assertThat(policy.shouldRetry(1, new IllegalStateException("bug"))).isFalse();
        assertThat(policy.shouldRetry(5, new IOException("reset"))).isFalse();
    }

    @Test
    void flakyTask_failsTwiceThenSucceeds_onAManualClock() {
        // tag::testing[]
        ManualClock clock = ManualClock.at("2026-01-05T09:00:00Z");
        AtomicInteger calls = new AtomicInteger();
        Supervisor supervisor = Supervisor.create(SupervisorConfig.builder()
                .clock(clock).delayScheduler(clock)   // time moves only when the test moves it
                .executor(Runnable::run)              // attempts run on the thread that starts them
                .handler(TaskType.of("fetch"), ctx -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new IOException("connection reset");
                    }
                    return "fetched";
                })
                .build());
        WorkflowSpec wf = WorkflowSpec.builder("flaky")
                .task(TaskSpec.builder("fetch", TaskType.of("fetch"))
                        .retryPolicy(RetryPolicy.builder().maxAttempts(3)
                                .backoff(Backoff.FIXED, Duration.ofSeconds(10)).build()))
                .build();

        RunHandle run = supervisor.submit(wf);          // attempt 1 fails at once
        assertThat(run.taskStates().get("fetch")).isEqualTo(TaskState.RETRY_WAIT);
        clock.advance(Duration.ofSeconds(10));          // attempt 2 runs and fails
        clock.advance(Duration.ofSeconds(10));          // attempt 3 succeeds
        assertThat(run.outcome().join().task("fetch").output()).isEqualTo("fetched");
        // end::testing[]
        assertThat(run.outcome().join().task("fetch").attempts()).isEqualTo(3);
        supervisor.close();
    }

    @Test
    void timeout_ofAHungAttempt_stopsItAndTheTaskTimesOut() {
        ManualClock clock = ManualClock.at("2026-01-05T09:00:00Z");
        Queue<Runnable> attempts = new ArrayDeque<>();
        List<String> retried = new ArrayList<>();
        // tag::timeout[]
        TaskHandler poll = ctx -> {
            while (!ctx.isCancelled()) {          // true once the attempt's time is up
                if (pollOnce()) {
                    return "done";
                }
            }
            return null;                          // ignored: the attempt is recorded as timed out
        };
        WorkflowSpec wf = WorkflowSpec.builder("nightly")
                .timeout(Duration.ofHours(1))                          // the whole run
                .task(TaskSpec.builder("wait-for-export", TaskType.of("poll"))
                        .timeout(Duration.ofMinutes(5))                // each attempt
                        .retryPolicy(RetryPolicy.builder().maxAttempts(2)
                                .backoff(Backoff.FIXED, Duration.ofMinutes(1)).build()))
                .build();
        // end::timeout[]
        try (Supervisor supervisor = Supervisor.create(SupervisorConfig.builder().clock(clock)
                .delayScheduler(clock).executor(attempts::add).cancellationGrace(Duration.ZERO)
                .handler(TaskType.of("poll"), poll).build())) {
            supervisor.events().subscribe(TaskRetrying.class, e -> retried.add(e.error()));
            RunHandle run = supervisor.submit(wf);

            clock.advance(Duration.ofMinutes(5)); // the first attempt, handed over but not yet run, times out
            attempts.remove().run();              // it sees isCancelled() at once
            clock.advance(Duration.ofMinutes(1)); // back-off, then the second attempt
            clock.advance(Duration.ofMinutes(5));
            attempts.remove().run();

            RunOutcome out = run.outcome().join();
            assertThat(retried).singleElement().asString().contains("timed out after PT5M");
            assertThat(out.task("wait-for-export").state()).isEqualTo(TaskState.TIMED_OUT);
            assertThat(out.task("wait-for-export").attempts()).isEqualTo(2);
            assertThat(out.status()).isEqualTo(RunStatus.FAILED);
        }
    }

    private static boolean pollOnce() {
        return false; // the export never shows up in this example
    }

    @Test
    void caps_limitWhatRunsAtOnce_andPriorityPicksWhoGoesFirst() {
        Queue<Runnable> attempts = new ArrayDeque<>();
        List<String> started = new ArrayList<>();
        TaskHandler record = ctx -> started.add(ctx.task().id());
        // tag::caps[]
        SupervisorConfig.SupervisorConfigBuilder limits = SupervisorConfig.builder()
                .maxConcurrency(16)                       // attempts at once, all runs together
                .typeLimit(TaskType.DEPLOYMENT, 1)        // one deployment at a time
                .tagLimit("gpu", 2);                      // two tasks tagged "gpu" at a time
        // end::caps[]
        SupervisorConfig config = limits.handler(TaskType.DEPLOYMENT, record).handler(TaskType.of("train"), record)
                .executor(attempts::add).build();
        // tag::priorities[]
        WorkflowSpec wf = WorkflowSpec.builder("rollout")
                .maxConcurrency(4)                        // attempts at once within one run
                .task(TaskSpec.builder("deploy-eu", TaskType.DEPLOYMENT))
                .task(TaskSpec.builder("deploy-us", TaskType.DEPLOYMENT).priority(Priority.LOW))
                .task(TaskSpec.builder("deploy-asia", TaskType.DEPLOYMENT).priority(Priority.CRITICAL))
                .task(TaskSpec.builder("train-a", TaskType.of("train")).tags("gpu"))
                .task(TaskSpec.builder("train-b", TaskType.of("train")).tags("gpu"))
                .task(TaskSpec.builder("train-c", TaskType.of("train")).tags("gpu"))
                .build();
        // end::priorities[]
        try (Supervisor supervisor = Supervisor.create(config)) {
            RunHandle run = supervisor.submit(wf);
            assertThat(attempts).hasSize(3); // one deployment and two trainings; the rest wait behind the caps
            while (!attempts.isEmpty()) {
                attempts.remove().run();
            }
            assertThat(run.outcome().join().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(started.stream().filter(id -> id.startsWith("deploy")))
                    .containsExactly("deploy-asia", "deploy-eu", "deploy-us");
        }
    }

    @Test
    void failureStrategy_continue_runsWhatDoesNotDependOnTheFailure() {
        // tag::continue[]
        WorkflowSpec wf = WorkflowSpec.builder("reports")
                .failureStrategy(FailureStrategy.CONTINUE)   // the default is FAIL_FAST
                .task(TaskSpec.builder("extract-sales", BUILD))
                .task(TaskSpec.builder("sales-report", BUILD).dependsOn("extract-sales"))
                .task(TaskSpec.builder("extract-stock", TaskType.of("broken")))
                .task(TaskSpec.builder("stock-report", BUILD).dependsOn("extract-stock"))
                .build();
        // end::continue[]
        try (Supervisor supervisor = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run)
                .handler(BUILD, ctx -> "ok")
                .handler(TaskType.of("broken"), ctx -> {
                    throw new UncheckedIOException(new IOException("stock database unreachable"));
                }).build())) {
            // tag::continue-outcome[]
            RunOutcome outcome = supervisor.submit(wf).outcome().join();
            outcome.status();                           // FAILED: a task failed
            outcome.task("sales-report").state();       // SUCCEEDED: it did not depend on the failure
            outcome.task("extract-stock").error();      // UncheckedIOException: ... stock database unreachable
            outcome.task("stock-report").state();       // UPSTREAM_FAILED
            // end::continue-outcome[]
            assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
            assertThat(outcome.task("sales-report").state()).isEqualTo(TaskState.SUCCEEDED);
            assertThat(outcome.task("extract-stock").state()).isEqualTo(TaskState.FAILED);
            assertThat(outcome.task("extract-stock").error()).contains("stock database unreachable");
            assertThat(outcome.task("stock-report").state()).isEqualTo(TaskState.UPSTREAM_FAILED);
        }
    }

    @Test
    void failFast_cancelsWhatHasNotStarted() {
        Queue<Runnable> attempts = new ArrayDeque<>();
        WorkflowSpec wf = WorkflowSpec.builder("fail-fast")
                .task(TaskSpec.builder("a", TaskType.of("broken")).priority(Priority.CRITICAL)) // handed over first
                .task(TaskSpec.builder("b", BUILD))
                .task(TaskSpec.builder("c", BUILD).dependsOn("b"))
                .build();
        try (Supervisor supervisor = Supervisor.create(SupervisorConfig.builder().executor(attempts::add)
                .handler(BUILD, ctx -> "ok")
                .handler(TaskType.of("broken"), ctx -> {
                    throw new IllegalStateException("broken");
                }).build())) {
            RunHandle run = supervisor.submit(wf);
            attempts.remove().run(); // "a" fails while "b" is handed over but not yet started
            attempts.remove().run(); // "b" starts, finds its attempt cancelled and does not call the handler

            RunOutcome out = run.outcome().join();
            assertThat(out.status()).isEqualTo(RunStatus.FAILED);
            assertThat(out.task("a").state()).isEqualTo(TaskState.FAILED);
            assertThat(out.task("b").state()).isEqualTo(TaskState.CANCELLED);
            assertThat(out.task("c").state()).isEqualTo(TaskState.SKIPPED);
            assertThat(out.task("c").attempts()).isZero();
        }
    }

    @Test
    void progressAndEvents_whileARunIsUnderWay() {
        Queue<Runnable> attempts = new ArrayDeque<>();
        List<String> log = new ArrayList<>();
        try (Supervisor supervisor = Supervisor.create(SupervisorConfig.builder().executor(attempts::add)
                .handler(TaskType.of("build"), ctx -> "ok").build())) {
            // tag::watch[]
            supervisor.events().subscribe(TaskRetrying.class,
                    e -> log.add(e.taskId() + " retries in " + e.delay() + ": " + e.error()));
            RunHandle run = supervisor.submit(WorkflowSpec.builder("two")
                    .task(TaskSpec.builder("first", TaskType.of("build")).estimatedDuration(Duration.ofSeconds(3)))
                    .task(TaskSpec.builder("second", TaskType.of("build")).dependsOn("first")
                            .estimatedDuration(Duration.ofSeconds(2)))
                    .build());
            RunProgress progress = run.progress();
            System.out.printf("%d/%d done, %d running, ETA %s%n", progress.done(), progress.total(),
                    progress.running(), progress.eta().map(Duration::toString).orElse("unknown"));
            // end::watch[]
            assertThat(progress.total()).isEqualTo(2);
            assertThat(progress.done()).isZero();
            assertThat(progress.eta()).isPresent();
            while (!attempts.isEmpty()) {
                attempts.remove().run();
            }
            assertThat(run.outcome().join().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.progress().fraction()).isEqualTo(1.0);
            assertThat(log).isEmpty();
        }
    }
}
