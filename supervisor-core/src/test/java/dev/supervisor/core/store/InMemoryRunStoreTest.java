package dev.supervisor.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.internal.store.RowStore;
import dev.supervisor.core.internal.store.TaskTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared contract plus what only the in-memory store does: bounded retention of finished runs. */
class InMemoryRunStoreTest extends RunStoreContract {

    @Override
    protected RunStore store() {
        return RunStores.inMemory();
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

    @Test
    void runEvictedThenCreatedAgainUnderTheSameId_takesTheNewRunsTransitions() {
        RunStore store = RunStores.inMemory(1);
        String id = "again"; // one String object for both runs: the last-lookup shortcut must not return the old one
        store.createRun(new RunRecord(id, "wf", RunStatus.RUNNING, Map.of(), Instant.EPOCH, null, 0),
                List.of(TaskRecord.pending(id, "t", 0)));
        store.update(store.tasks(id).get(0).to(TaskState.READY));
        store.updateRun(store.findRun(id).orElseThrow().withStatus(RunStatus.SUCCEEDED, Instant.EPOCH));
        create(store, "other", RunStatus.SUCCEEDED, 1); // evicts the finished run
        assertThat(store.findRun(id)).isEmpty();

        store.createRun(new RunRecord(id, "wf", RunStatus.RUNNING, Map.of(), Instant.EPOCH, null, 0),
                List.of(TaskRecord.pending(id, "t", 0)));
        TaskRecord ready = store.update(store.tasks(id).get(0).to(TaskState.READY));

        assertThat(store.task(id, "t")).contains(ready);
        assertThat(ready.version()).isEqualTo(1);
    }

    @Test
    void write_storesTheEnginesRowAtTheNextVersion_andRefusesStaleRowsAndOtherTasks() {
        RunStore store = RunStores.inMemory();
        RowStore rows = (RowStore) store;
        TaskTable engine = TaskTable.pending("r", new String[] {"a", "b"});
        rows.createRun(new RunRecord("r", "wf", RunStatus.RUNNING, Map.of(), Instant.EPOCH, null, 0), engine);
        engine.to(0, TaskState.READY);
        assertThat(store.task("r", "a").orElseThrow().state()).as("the store keeps its own copy")
                .isEqualTo(TaskState.PENDING);
        rows.write(engine, 0);
        assertThat(store.task("r", "a")).contains(engine.record(0));

        TaskRecord theirs = store.update(store.task("r", "b").orElseThrow().to(TaskState.READY));
        engine.to(1, TaskState.READY);
        assertThatThrownBy(() -> rows.write(engine, 1)).isInstanceOf(StaleVersionException.class);
        assertThat(store.task("r", "b")).contains(theirs);

        TaskTable stranger = TaskTable.pending("r", new String[] {"x"});
        stranger.to(0, TaskState.READY);
        assertThatThrownBy(() -> rows.write(stranger, 0)).isInstanceOf(SupervisorException.class)
                .hasMessage("run r has no task 'x' at index 0");
    }
}
