package dev.supervisor.examples;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.Priority;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.SupervisorConfig.SupervisorConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The README's demo: supervise a code change. A sample repository is checked out into a temporary folder; lint, a
 * build (a real in-process compilation) and a secret scan run in parallel; the unit tests run the compiled checks;
 * a review gate weighs the findings and a report is written. Lint fails once and succeeds on retry. The first
 * attempt of the unit tests waits for a test process that never answers: its timeout cuts it, and the second
 * attempt succeeds. Compilation has a task of its own with a generous timeout, so a slow or busy machine makes the
 * demo slower, never different.
 */
public final class CodeChangeDemo {
    /** Timeout of one attempt of the unit tests: what cuts the staged hang. */
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(2);
    /** Back-off before a retry of lint or of the unit tests. */
    static final Duration RETRY_BACKOFF = Duration.ofMillis(300);
    /** Time a stopped attempt gets to return before its thread is interrupted. */
    static final Duration CANCELLATION_GRACE = Duration.ofMillis(200);

    private CodeChangeDemo() {
    }

    /**
     * Builds the workflow.
     *
     * @return the "supervise a code change" workflow
     */
    public static WorkflowSpec workflow() {
        RetryPolicy once = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, RETRY_BACKOFF).build();
        return WorkflowSpec.builder("code-change").name("Supervise a code change")
                .failureStrategy(FailureStrategy.FAIL_FAST).timeout(Duration.ofMinutes(10))
                .task(TaskSpec.builder("checkout", DemoHandlers.CHECKOUT).priority(Priority.HIGH)
                        .estimatedDuration(Duration.ofMillis(100)))
                .task(TaskSpec.builder("lint", DemoHandlers.LINT).dependsOn("checkout").retryPolicy(once)
                        .estimatedDuration(Duration.ofMillis(100)).tags("static-analysis"))
                // A cold compiler on a busy machine can take many seconds: the limit is there for a compiler that
                // is truly stuck, far above what it needs.
                .task(TaskSpec.builder("build", DemoHandlers.BUILD).dependsOn("checkout")
                        .timeout(Duration.ofMinutes(5)).estimatedDuration(Duration.ofSeconds(1)))
                .task(TaskSpec.builder("unit-tests", TaskType.TESTING).dependsOn("build").retryPolicy(once)
                        .timeout(TEST_TIMEOUT).estimatedDuration(Duration.ofMillis(100)))
                .task(TaskSpec.builder("security-audit", TaskType.SECURITY_AUDIT).dependsOn("checkout")
                        .priority(Priority.URGENT).estimatedDuration(Duration.ofMillis(100))
                        .tags("static-analysis"))
                .task(TaskSpec.builder("review", TaskType.PR_REVIEW)
                        .dependsOn("lint", "unit-tests", "security-audit").estimatedDuration(Duration.ofMillis(50)))
                .task(TaskSpec.builder("report", TaskType.DOCUMENTATION).dependsOn("review")
                        .estimatedDuration(Duration.ofMillis(50)))
                .build();
    }

    /**
     * The supervisor's configuration without clock and delay scheduler, which callers may still set.
     *
     * @param handlers the demo's handlers
     * @return a builder with limits and handlers set
     */
    static SupervisorConfigBuilder config(DemoHandlers handlers) {
        return SupervisorConfig.builder().maxConcurrency(4).tagLimit("static-analysis", 2)
                .cancellationGrace(CANCELLATION_GRACE)
                .handler(DemoHandlers.CHECKOUT, handlers::checkout)
                .handler(DemoHandlers.LINT, handlers::lint)
                .handler(DemoHandlers.BUILD, handlers::build)
                .handler(TaskType.TESTING, handlers::unitTests)
                .handler(TaskType.SECURITY_AUDIT, handlers::securityAudit)
                .handler(TaskType.PR_REVIEW, handlers::review)
                .handler(TaskType.DOCUMENTATION, handlers::report);
    }

    /**
     * Submits the workflow with the reporter attached.
     *
     * @param supervisor a supervisor made from {@link #config(DemoHandlers)}
     * @param reporter where progress goes
     * @param workspace the handlers' folder, for the header
     * @return the running run
     */
    static RunHandle start(Supervisor supervisor, ConsoleReporter reporter, Path workspace) {
        WorkflowSpec wf = workflow();
        reporter.header(wf, workspace);
        reporter.attach(supervisor, wf.tasks().size());
        RunHandle run = supervisor.submit(wf, Map.of("repository", "acme/payments", "change", "PR-1234"));
        reporter.follow(run);
        return run;
    }

    /**
     * Runs the demo and prints progress, a summary table and the critical path.
     *
     * @param args unused
     * @throws Exception if the temporary workspace cannot be created
     */
    public static void main(String[] args) throws Exception {
        Path workspace = Files.createTempDirectory("supervisor-demo");
        RunOutcome outcome = run(workspace, new ConsoleReporter(System.out));
        System.exit(outcome.status() == RunStatus.SUCCEEDED ? 0 : 1);
    }

    /**
     * Runs the workflow in {@code workspace} on the system clock, reporting to {@code reporter}, with a progress
     * line every second while tasks run.
     *
     * @param workspace an empty folder
     * @param reporter where progress and the summary go
     * @return the run's outcome
     */
    public static RunOutcome run(Path workspace, ConsoleReporter reporter) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-progress");
            t.setDaemon(true);
            return t;
        });
        try (Supervisor supervisor = Supervisor.create(config(new DemoHandlers(workspace, () -> { })).build())) {
            RunHandle run = start(supervisor, reporter, workspace);
            ticker.scheduleAtFixedRate(reporter::tick, 1, 1, TimeUnit.SECONDS);
            RunOutcome outcome = run.outcome().join();
            ticker.shutdownNow();
            reporter.summary(outcome);
            return outcome;
        } finally {
            ticker.shutdownNow();
        }
    }
}
