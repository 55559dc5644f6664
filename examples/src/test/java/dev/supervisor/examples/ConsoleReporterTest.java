package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunHandle;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's reporter while the run is under way, on a manual clock. */
class ConsoleReporterTest {
    /** Guards against a hang of the test itself; never reached while the run progresses. */
    private static final long GUARD_SECONDS = 120;

    private final ManualClock clock = ManualClock.at("2026-01-05T09:00:00Z");

    @Test
    void tick_whileTasksRun_namesThemWithProgressAndEta(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ConsoleReporter reporter = new ConsoleReporter(new PrintStream(buf, true, StandardCharsets.UTF_8));
        CountDownLatch hanging = new CountDownLatch(1);
        try (Supervisor sup = Supervisor.create(CodeChangeDemo.config(new DemoHandlers(dir, hanging::countDown),
                DemoProviders.router(dir, clock, null)).clock(clock).delayScheduler(clock).build())) {
            RunHandle run = CodeChangeDemo.start(sup, reporter, dir);
            assertThat(hanging.await(GUARD_SECONDS, TimeUnit.SECONDS)).as("the unit tests hang").isTrue();
            // The run waits for the clock now, with the unit tests running (hung) and lint waiting to retry.
            reporter.tick();
            run.cancel();
            clock.advance(CodeChangeDemo.CANCELLATION_GRACE); // the hung attempt is interrupted
            run.outcome().get(GUARD_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(buf.toString(StandardCharsets.UTF_8)).containsPattern(
                "\\[[#.]{20}] [3-6]/8  ETA [0-9.]+ s +running   .*unit-tests");
    }
}
