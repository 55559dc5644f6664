package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's workflow on a manual clock. Time moves only when every task with work left is waiting for time (a
 * retry's back-off, or the staged hang that a timeout must cut), so a busy machine makes the test slower, never
 * different: the compilation and the second attempt of the unit tests run while the clock stands still.
 */
class CodeChangeDemoTest {
    /** Guards against a hang of the test itself; never reached while the run progresses. */
    private static final long GUARD_SECONDS = 120;

    private final ManualClock clock = ManualClock.at("2026-01-05T09:00:00Z");
    private final Map<String, CountDownLatch> retrying = new ConcurrentHashMap<>();

    @Test
    void run_codeChangeWorkflow_retriesLintAndCutsTheHungTestsByTheirTimeout(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ConsoleReporter reporter = new ConsoleReporter(new PrintStream(buf, true, StandardCharsets.UTF_8));
        CountDownLatch hanging = new CountDownLatch(1);
        DemoHandlers handlers = new DemoHandlers(dir, hanging::countDown);

        RunOutcome out;
        try (Supervisor sup = Supervisor.create(CodeChangeDemo.config(handlers).clock(clock).delayScheduler(clock)
                .build())) {
            sup.events().subscribe(TaskRetrying.class, e -> latch(e.taskId()).countDown());
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
            reporter.summary(out);
        }
        String console = buf.toString(StandardCharsets.UTF_8);

        assertThat(out.status()).as(console).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.tasks().values()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED));
        assertThat(out.task("lint").attempts()).isEqualTo(2);
        assertThat(out.task("build").attempts()).isEqualTo(1);
        assertThat(out.task("unit-tests").attempts()).isEqualTo(2);
        assertThat(out.task("unit-tests").output()).asString().contains("passed=3");
        assertThat(out.task("review").output()).asString().contains("CHANGES_REQUESTED").contains("secrets=2");
        assertThat(out.criticalPath()).startsWith("checkout").endsWith("report").contains("build", "unit-tests");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("Decision: **CHANGES_REQUESTED**");
        assertThat(console)
                .contains("retrying  lint after 300 ms: IOException: lint server connection reset")
                .contains("retrying  unit-tests after 300 ms: TaskTimeoutException: task 'unit-tests' timed out"
                        + " after PT2S")
                .contains("started   unit-tests (attempt 2)")
                .contains("7/7  ETA 0.0 s")
                .contains("critical path (actual): checkout -> build -> unit-tests -> review -> report");
    }

    @Test
    void tick_whileTasksRun_namesThemWithProgressAndEta(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ConsoleReporter reporter = new ConsoleReporter(new PrintStream(buf, true, StandardCharsets.UTF_8));
        CountDownLatch hanging = new CountDownLatch(1);
        try (Supervisor sup = Supervisor.create(CodeChangeDemo.config(new DemoHandlers(dir, hanging::countDown))
                .clock(clock).delayScheduler(clock).build())) {
            RunHandle run = CodeChangeDemo.start(sup, reporter, dir);
            await(hanging);
            // The run waits for the clock now, with the unit tests running (hung) and lint waiting to retry.
            reporter.tick();
            run.cancel();
            clock.advance(CodeChangeDemo.CANCELLATION_GRACE); // the hung attempt is interrupted
            run.outcome().get(GUARD_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(buf.toString(StandardCharsets.UTF_8)).containsPattern(
                "\\[[#.]{20}] [3-5]/7  ETA [0-9.]+ s +running   .*unit-tests");
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
