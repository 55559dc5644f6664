package dev.supervisor.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.RunStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryRunStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static void create(RunStore store, String runId, RunStatus status) {
        store.createRun(new RunRecord(runId, "wf", status, Map.of(), T0, null, 0),
                List.of(TaskRecord.pending(runId, "a", 0)));
    }

    @Test
    void retention_keepsActiveRunsAndForgetsTheOldestFinishedOnes() {
        RunStore store = RunStores.inMemory(3);
        create(store, "active", RunStatus.RUNNING);
        for (int i = 0; i < 10; i++) {
            create(store, "done-" + i, RunStatus.SUCCEEDED);
        }
        assertThat(store.findRun("active")).isPresent();
        assertThat(store.findRun("done-9")).isPresent();
        assertThat(store.findRun("done-0")).isEmpty();
    }

    @Test
    void update_staleVersion_isRejected_andClaimLeasesReadyTasks() {
        RunStore store = RunStores.inMemory();
        create(store, "r", RunStatus.RUNNING);
        TaskRecord ready = store.update(store.task("r", "a").orElseThrow().to(TaskState.READY));
        assertThatThrownBy(() -> store.update(ready.to(TaskState.READY).to(TaskState.RUNNING)))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("caller held version 2");
        List<TaskRecord> claimed = store.claim("r", "node-1", 10, Duration.ofSeconds(30), T0);
        assertThat(claimed).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TaskState.RUNNING);
            assertThat(t.leaseOwner()).isEqualTo("node-1");
            assertThat(t.attempt()).isEqualTo(1);
        });
        assertThat(store.claim("r", "node-2", 10, Duration.ofSeconds(30), T0)).isEmpty();
    }

    @Test
    void reclaimExpired_returnsLapsedLeasesAndFencesTheOldOwner() {
        RunStore store = RunStores.inMemory();
        create(store, "r", RunStatus.RUNNING);
        store.update(store.task("r", "a").orElseThrow().to(TaskState.READY));
        TaskRecord mine = store.claim("r", "node-1", 1, Duration.ofSeconds(30), T0).get(0);
        assertThat(store.heartbeat(mine, Duration.ofSeconds(30), T0.plusSeconds(10))).isPresent();
        assertThat(store.reclaimExpired(T0.plusSeconds(35))).isEmpty();
        List<TaskRecord> reclaimed = store.reclaimExpired(T0.plusSeconds(41));
        assertThat(reclaimed).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(TaskState.READY));
        assertThatThrownBy(() -> store.update(mine.finished(TaskState.SUCCEEDED, T0, "late", null)))
                .isInstanceOf(StaleVersionException.class);
    }
}
