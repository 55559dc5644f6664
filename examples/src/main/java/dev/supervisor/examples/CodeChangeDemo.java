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
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.ProviderTaskHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The README's demo: supervise a code change made by agents. A sample repository is checked out into a temporary
 * folder; an agent implements the change; lint, a build (a real in-process compilation of the agent's code) and a
 * secret scan run in parallel; the unit tests run the compiled checks; an agent reviews the findings and a report
 * is written with the verdict.
 *
 * <p>The agent steps go through a {@link ProviderRouter} of three providers (see
 * {@link DemoProviders}): the first choice is down, so each agent step fails over — the implementation to a real
 * process speaking Claude Code's protocol ({@link FakeClaudeCli}), the review to a second mock agent — and the first
 * choice's circuit opens. The console shows which provider ran each agent step, the failovers, and what every
 * provider cost.
 *
 * <p>Two local failures are staged as well: lint fails once and succeeds on retry, and the first attempt of the unit
 * tests waits for a test process that never answers: its timeout cuts it, and the second attempt succeeds.
 * Compilation and the agent process have generous timeouts, so a slow or busy machine makes the demo slower, never
 * different.
 */
public final class CodeChangeDemo {
    /** Timeout of one attempt of the unit tests: what cuts the staged hang. */
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(2);
    /** Back-off before a retry of lint or of the unit tests. */
    static final Duration RETRY_BACKOFF = Duration.ofMillis(300);
    /** What the implementing agent is asked to do. */
    static final String IMPLEMENT_PROMPT = "Implement the TODO in src/demo/Money.java: add"
            + " Money.convert(long cents, long rateMillis), the amount at a rate given in thousandths, rounded half up.";
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
        return WorkflowSpec.builder("code-change").name("Supervise a code change made by agents")
                .failureStrategy(FailureStrategy.FAIL_FAST).timeout(Duration.ofMinutes(10))
                .task(TaskSpec.builder("checkout", DemoHandlers.CHECKOUT).priority(Priority.HIGH)
                        .estimatedDuration(Duration.ofMillis(100)))
                // Routed to an agent that can edit files; it runs as a process, so the limit is generous.
                .task(TaskSpec.builder("implement", TaskType.FEATURE).dependsOn("checkout")
                        .config(Map.of("prompt", IMPLEMENT_PROMPT, "capabilities", List.of(DemoProviders.EDIT_FILES),
                                "maxOutputTokens", 2000))
                        .timeout(Duration.ofMinutes(5)).estimatedDuration(Duration.ofMillis(500)))
                .task(TaskSpec.builder("lint", DemoHandlers.LINT).dependsOn("implement").retryPolicy(once)
                        .estimatedDuration(Duration.ofMillis(100)).tags("static-analysis"))
                // A cold compiler on a busy machine can take many seconds: the limit is there for a compiler that
                // is truly stuck, far above what it needs.
                .task(TaskSpec.builder("build", DemoHandlers.BUILD).dependsOn("implement")
                        .timeout(Duration.ofMinutes(5)).estimatedDuration(Duration.ofSeconds(1)))
                .task(TaskSpec.builder("unit-tests", TaskType.TESTING).dependsOn("build").retryPolicy(once)
                        .timeout(TEST_TIMEOUT).estimatedDuration(Duration.ofMillis(100)))
                .task(TaskSpec.builder("security-audit", TaskType.SECURITY_AUDIT).dependsOn("implement")
                        .priority(Priority.URGENT).estimatedDuration(Duration.ofMillis(100))
                        .tags("static-analysis"))
                // Routed to any agent; the prompt is built from the findings (DemoHandlers.reviewPrompt).
                .task(TaskSpec.builder("review", TaskType.PR_REVIEW)
                        .dependsOn("lint", "unit-tests", "security-audit").config(Map.of("maxOutputTokens", 400))
                        .timeout(Duration.ofMinutes(5)).estimatedDuration(Duration.ofMillis(500)))
                .task(TaskSpec.builder("report", TaskType.DOCUMENTATION)
                        .dependsOn("review", "lint", "unit-tests", "security-audit")
                        .estimatedDuration(Duration.ofMillis(50)))
                .build();
    }

    /**
     * The supervisor's configuration without clock and delay scheduler, which callers may still set.
     *
     * @param handlers the demo's local handlers
     * @param router the router of the agent steps
     * @return a builder with limits and handlers set
     */
    static SupervisorConfigBuilder config(DemoHandlers handlers, ProviderRouter router) {
        return SupervisorConfig.builder().maxConcurrency(4).tagLimit("static-analysis", 2)
                .cancellationGrace(CANCELLATION_GRACE)
                .handler(DemoHandlers.CHECKOUT, handlers::checkout)
                .handler(TaskType.FEATURE, ProviderTaskHandler.of(router))
                .handler(DemoHandlers.LINT, handlers::lint)
                .handler(DemoHandlers.BUILD, handlers::build)
                .handler(TaskType.TESTING, handlers::unitTests)
                .handler(TaskType.SECURITY_AUDIT, handlers::securityAudit)
                .handler(TaskType.PR_REVIEW, ProviderTaskHandler.of(router, handlers::reviewPrompt))
                .handler(TaskType.DOCUMENTATION, handlers::report);
    }

    /**
     * Submits the workflow with the reporter attached.
     *
     * @param supervisor a supervisor made from {@link #config(DemoHandlers, ProviderRouter)}
     * @param reporter where progress goes
     * @param workspace the handlers' folder, for the header
     * @return the running run
     */
    static RunHandle start(Supervisor supervisor, ConsoleReporter reporter, Path workspace) {
        WorkflowSpec wf = workflow();
        reporter.header(wf, workspace, DemoProviders.describe());
        reporter.attach(supervisor, wf.tasks().size());
        RunHandle run = supervisor.submit(wf, Map.of("repository", "acme/payments", "change", "PR-1234"));
        reporter.follow(run);
        return run;
    }

    /**
     * Runs the demo and prints progress, the provider calls, a summary table, the critical path and the costs.
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
     * line every second while tasks run. The mock agents take their drawn latency for real.
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
        ProviderRouter router = DemoProviders.router(workspace, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
        try (Supervisor supervisor = Supervisor.create(config(new DemoHandlers(workspace, () -> { }), router)
                .build())) {
            RunHandle run = start(supervisor, reporter, workspace);
            ticker.scheduleAtFixedRate(reporter::tick, 1, 1, TimeUnit.SECONDS);
            RunOutcome outcome = run.outcome().join();
            ticker.shutdownNow();
            reporter.summary(outcome, router);
            return outcome;
        } finally {
            ticker.shutdownNow();
        }
    }
}
