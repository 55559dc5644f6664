package dev.supervisor.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.testing.ManualClock;
import dev.supervisor.testkit.TaskClaimsContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every contract, plus what only the in-memory store does: bounded retention of finished runs. */
class InMemoryRunStoreTest extends TaskClaimsContract {
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");

    @Override
    protected RunStore store() {
        return RunStores.inMemory(100, clock);
    }

    @Override
    protected void passTime(RunStore store, Duration d) {
        clock.advance(d);
    }

    @Test
    void retention_keepsActiveRunsAndForgetsTheOldestFinishedOnes() {
        RunStore store = RunStores.inMemory(3);
        create(store, "active", RunStatus.RUNNING, 1);
        for (int i = 0; i < 10; i++) {
            create(store, "done-" + i, RunStatus.SUCCEEDED, 1);
        }
        assertThat(store.findRun("active")).isPresent();
        assertThat(store.findRun("done-9")).isPresent();
        assertThat(store.findRun("done-0")).isEmpty();
    }
}
