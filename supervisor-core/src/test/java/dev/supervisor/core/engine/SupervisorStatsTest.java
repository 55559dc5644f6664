package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.done;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.SupervisorStats;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The counts behind the gauges, on an executor the test drives by hand. */
class SupervisorStatsTest {
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final Queue<Runnable> handedOver = new ArrayDeque<>();

    private static Object[] counts(SupervisorStats s) {
        return new Object[] {s.activeRuns(), s.runningAttempts(), s.queuedTasks(), s.maxConcurrency(), s.accepting()};
    }

    @Test
    void stats_whileTasksRunAndWait_countRunsAttemptsAndQueue() {
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(handedOver::add).maxConcurrency(2).handler(WORK, ctx -> "ok").build());
        assertThat(counts(sup.stats())).containsExactly(0, 0, 0, 2, true);

        RunHandle run = sup.submit(WorkflowSpec.builder("three").task(task("a")).task(task("b")).task(task("c"))
                .build());
        assertThat(counts(sup.stats())).containsExactly(1, 2, 1, 2, true);

        while (!handedOver.isEmpty()) {
            handedOver.remove().run();
        }
        done(run);
        assertThat(counts(sup.stats())).containsExactly(0, 0, 0, 2, true);

        sup.shutdown(Duration.ZERO);
        assertThat(sup.stats().accepting()).isFalse();
    }
}
