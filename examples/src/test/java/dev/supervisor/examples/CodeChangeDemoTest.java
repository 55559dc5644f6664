package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.event.TaskProviderAttempt;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.api.provider.CircuitState;
import dev.supervisor.api.provider.Money;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.provider.CostLedger;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's workflow on a manual clock, run once and examined by each test. Time moves only when every task with
 * work left is waiting for time (a retry's back-off, or the staged hang that a timeout must cut), so a busy machine
 * makes the test slower, never different: the agent process, the compilation and the second attempt of the unit
 * tests run while the clock stands still, and the agent process's own limit (minutes, in real time) is never near.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeChangeDemoTest {
    /** Guards against a hang of the test itself; never reached while the run progresses. */
    private static final long GUARD_SECONDS = 120;

    private final ManualClock clock = ManualClock.at("2026-01-05T09:00:00Z");
    private final Map<String, CountDownLatch> retrying = new ConcurrentHashMap<>();
    private final List<TaskEvent> events = new CopyOnWriteArrayList<>();
    @TempDir
    static Path dir;
    private ProviderRouter router;
    private RunOutcome out;
    private String console;

    @BeforeAll
    void runTheDemo() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ConsoleReporter reporter = new ConsoleReporter(new PrintStream(buf, true, StandardCharsets.UTF_8));
        CountDownLatch hanging = new CountDownLatch(1);
        router = DemoProviders.router(dir, clock, null);
        try (Supervisor sup = Supervisor.create(CodeChangeDemo.config(new DemoHandlers(dir, hanging::countDown),
                router).clock(clock).delayScheduler(clock).build())) {
            sup.events().subscribe(TaskRetrying.class, e -> latch(e.taskId()).countDown());
            sup.events().subscribe(TaskEvent.class, events::add);
            RunHandle run = CodeChangeDemo.start(sup, reporter, dir);

            await(latch("lint"));
            advanceWhileRetryWaits(run, "lint");
            await(hanging);
            // The first attempt of the unit tests is blocked for good: its timeout stops it, and after the grace
            // its thread is interrupted.
            clock.advance(CodeChangeDemo.TEST_TIMEOUT.plus(CodeChangeDemo.CANCELLATION_GRACE));
            await(latch("unit-tests"));
            advanceWhileRetryWaits(run, "unit-tests");

            out = run.outcome().get(GUARD_SECONDS, TimeUnit.SECONDS);
            reporter.summary(out, router);
        }
        console = buf.toString(StandardCharsets.UTF_8);
    }

    /* ---- the run ---- */

    @Test
    void run_codeChangeWorkflow_succeedsAfterRetryingLintAndCuttingTheHungTestsByTheirTimeout() throws Exception {
        assertThat(out.status()).as(console).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.tasks().values()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED));
        assertThat(out.task("lint").attempts()).isEqualTo(2);
        assertThat(out.task("build").attempts()).isEqualTo(1);
        assertThat(out.task("unit-tests").attempts()).isEqualTo(2);
        assertThat(out.criticalPath()).containsExactly("checkout", "implement", "build", "unit-tests", "review",
                "report");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("Decision: **CHANGES_REQUESTED**",
                "- failed checks: 0 of 5", "- hard-coded secrets: 2", "- reviewer (agent-b): agent-b did review");
    }

    /* ---- providers ---- */

    @Test
    void agentSteps_firstChoiceDown_eachFailsOverAndItsCircuitOpens() {
        assertThat(calls("implement")).containsExactly(
                tuple(1, DemoProviders.AGENT_A, "UNAVAILABLE"), tuple(2, DemoProviders.FAKE_CLAUDE, "SUCCEEDED"));
        assertThat(calls("review")).containsExactly(
                tuple(1, DemoProviders.AGENT_A, "UNAVAILABLE"), tuple(2, DemoProviders.AGENT_B, "SUCCEEDED"));
        assertThat(calls("build")).as("local steps call no provider").isEmpty();
        assertThat(success("implement").provider()).isEqualTo(DemoProviders.FAKE_CLAUDE);
        assertThat(success("review").provider()).isEqualTo(DemoProviders.AGENT_B);
        assertThat(success("build").provider()).isEqualTo("local");
        assertThat(router.status(DemoProviders.AGENT_A).circuit()).isEqualTo(CircuitState.OPEN);
        assertThat(router.status(DemoProviders.AGENT_B).circuit()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void costs_ledgerPerProvider_matchesWhatTheEventsReported() {
        CostLedger costs = router.costs();
        assertThat(costs.provider(DemoProviders.AGENT_A).calls()).isEqualTo(2);
        assertThat(costs.provider(DemoProviders.AGENT_A).cost().isZero()).isTrue();
        assertThat(costs.provider(DemoProviders.FAKE_CLAUDE).calls()).isEqualTo(1);
        assertThat(costs.provider(DemoProviders.AGENT_B).calls()).isEqualTo(1);
        assertThat(costs.total().calls()).isEqualTo(4);
        assertThat(costs.run(out.runId())).isEqualTo(costs.total());
        @SuppressWarnings("unchecked")
        Map<String, Object> implement = (Map<String, Object>) out.task("implement").output();
        assertThat(costs.provider(DemoProviders.FAKE_CLAUDE).cost())
                .isEqualTo(Money.of((String) implement.get("cost"), "USD"))
                .satisfies(m -> assertThat(m.isZero()).isFalse());
        BigDecimal reported = BigDecimal.valueOf(success("implement").cost() + success("review").cost());
        assertThat(costs.total().cost().amount()).isCloseTo(reported, org.assertj.core.data.Offset.offset(
                new BigDecimal("0.0000001")));
    }

    @Test
    void fakeClaude_ranAsItsOwnProcess_andTheChecksCompiledAndRanItsChange() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> implement = (Map<String, Object>) out.task("implement").output();
        assertThat(implement).containsEntry("provider", DemoProviders.FAKE_CLAUDE)
                .containsEntry("model", FakeClaudeCli.DEFAULT_MODEL);
        Matcher pid = Pattern.compile("\\(pid (\\d+)\\)").matcher((String) implement.get("output"));
        assertThat(pid.find()).as("the answer names its process: %s", implement.get("output")).isTrue();
        assertThat(Long.parseLong(pid.group(1))).isNotEqualTo(ProcessHandle.current().pid());

        String money = Files.readString(dir.resolve("src/demo/Money.java"));
        assertThat(money).contains("public static long convert(long cents, long rateMillis)").doesNotContain("TODO");
        assertThat(out.task("unit-tests").output()).asString().contains("passed=5", "failed=0");
    }

    /* ---- console ---- */

    @Test
    void console_namesTheProviderOfEachAgentStep_theFailoversAndTheCosts() {
        assertThat(console)
                .contains("call      implement -> agent-a: UNAVAILABLE (mock unavailable on agent-a)")
                .contains("failover  implement -> fake-claude: SUCCEEDED in ")
                .contains("failover  review -> agent-b: SUCCEEDED in ")
                .containsPattern("(?m)succeeded implement in \\d+ ms on fake-claude, cost 0\\.\\d{6}$")
                .contains("retrying  lint after 300 ms: IOException: lint server connection reset")
                .contains("retrying  unit-tests after 300 ms: TaskTimeoutException: task 'unit-tests' timed out"
                        + " after PT2S")
                .contains("8/8  ETA 0.0 s")
                .containsPattern("(?m)^implement +SUCCEEDED +1 +\\d+ ms +fake-claude +0\\.\\d{6}$")
                .containsPattern("(?m)^agent-a +2 +0 +0 +0\\.000000 USD +OPEN$")
                .containsPattern("(?m)^total +4 +\\d+ +\\d+ +0\\.\\d{6} USD$")
                .contains("critical path (actual): checkout -> implement -> build -> unit-tests -> review -> report");
    }

    private List<org.assertj.core.groups.Tuple> calls(String taskId) {
        return events.stream().filter(e -> e instanceof TaskProviderAttempt && e.taskId().equals(taskId))
                .map(e -> (TaskProviderAttempt) e).map(a -> tuple(a.call(), a.provider(), a.outcome())).toList();
    }

    private TaskSucceeded success(String taskId) {
        return events.stream().filter(e -> e instanceof TaskSucceeded && e.taskId().equals(taskId))
                .map(e -> (TaskSucceeded) e).findFirst().orElseThrow();
    }

    private CountDownLatch latch(String taskId) {
        return retrying.computeIfAbsent(taskId, k -> new CountDownLatch(1));
    }

    /** Moves the clock by the back-off until the retry fires; it fires on this thread, inside {@code advance}. */
    private void advanceWhileRetryWaits(RunHandle run, String taskId) {
        while (run.taskStates().get(taskId) == TaskState.RETRY_WAIT) {
            clock.advance(CodeChangeDemo.RETRY_BACKOFF);
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(GUARD_SECONDS, TimeUnit.SECONDS)).as("the run reached the expected stage").isTrue();
    }
}
