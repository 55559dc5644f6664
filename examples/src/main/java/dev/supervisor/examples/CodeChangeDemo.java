package dev.supervisor.examples;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.Priority;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The README's demo: supervise a code change. A sample repository is checked out into a temporary folder, then
 * lint, unit tests (a real in-process compilation) and a secret scan run in parallel, a review gate weighs their
 * findings and a report is written. Lint fails once and succeeds on retry; the test runner hangs on its first
 * attempt, times out and succeeds on the second.
 */
public final class CodeChangeDemo {
    private CodeChangeDemo() {
    }

    /**
     * Builds the workflow.
     *
     * @return the "supervise a code change" workflow
     */
    public static WorkflowSpec workflow() {
        RetryPolicy once = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, Duration.ofMillis(300))
                .build();
        return WorkflowSpec.builder("code-change").name("Supervise a code change")
                .failureStrategy(FailureStrategy.FAIL_FAST).timeout(Duration.ofMinutes(2))
                .task(TaskSpec.builder("checkout", DemoHandlers.CHECKOUT).priority(Priority.HIGH)
                        .estimatedDuration(Duration.ofMillis(200)))
                .task(TaskSpec.builder("lint", DemoHandlers.LINT).dependsOn("checkout").retryPolicy(once)
                        .estimatedDuration(Duration.ofMillis(400)).tags("static-analysis"))
                .task(TaskSpec.builder("unit-tests", TaskType.TESTING).dependsOn("checkout").retryPolicy(once)
                        .timeout(Duration.ofSeconds(2)).estimatedDuration(Duration.ofSeconds(1)))
                .task(TaskSpec.builder("security-audit", TaskType.SECURITY_AUDIT).dependsOn("checkout")
                        .priority(Priority.URGENT).estimatedDuration(Duration.ofMillis(600))
                        .tags("static-analysis"))
                .task(TaskSpec.builder("review", TaskType.PR_REVIEW)
                        .dependsOn("lint", "unit-tests", "security-audit").estimatedDuration(Duration.ofMillis(300)))
                .task(TaskSpec.builder("report", TaskType.DOCUMENTATION).dependsOn("review")
                        .estimatedDuration(Duration.ofMillis(100)))
                .build();
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
        System.exit(outcome.status() == dev.supervisor.api.RunStatus.SUCCEEDED ? 0 : 1);
    }

    /**
     * Runs the workflow in {@code workspace}, reporting to {@code reporter}.
     *
     * @param workspace an empty folder
     * @param reporter where progress and the summary go
     * @return the run's outcome
     */
    public static RunOutcome run(Path workspace, ConsoleReporter reporter) {
        DemoHandlers handlers = new DemoHandlers(workspace);
        SupervisorConfig config = SupervisorConfig.builder().maxConcurrency(4).tagLimit("static-analysis", 2)
                .cancellationGrace(Duration.ofMillis(200))
                .handler(DemoHandlers.CHECKOUT, handlers::checkout)
                .handler(DemoHandlers.LINT, handlers::lint)
                .handler(TaskType.TESTING, handlers::unitTests)
                .handler(TaskType.SECURITY_AUDIT, handlers::securityAudit)
                .handler(TaskType.PR_REVIEW, handlers::review)
                .handler(TaskType.DOCUMENTATION, handlers::report)
                .build();
        try (Supervisor supervisor = Supervisor.create(config)) {
            WorkflowSpec wf = workflow();
            reporter.header(wf, workspace);
            reporter.attach(supervisor, wf.tasks().size());
            RunHandle run = supervisor.submit(wf, Map.of("repository", "acme/payments", "change", "PR-1234"));
            RunOutcome outcome = run.outcome().join();
            reporter.summary(wf, outcome);
            return outcome;
        }
    }
}
