package dev.supervisor.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunChanges;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link RunStore} contract. Every built-in store runs it (in-memory, H2, PostgreSQL); a third-party store can
 * too: extend this class (from the {@code supervisor-core} test jar) and return a new, empty store from
 * {@link #store()}.
 */
public abstract class RunStoreContract {
    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");

    /** @return a new, empty store */
    protected abstract RunStore store();

    /** @return a workflow of {@code tasks} independent tasks t0, t1, … */
    protected static WorkflowSpec workflow(int tasks) {
        WorkflowSpec.Builder b = WorkflowSpec.builder("wf");
        for (int i = 0; i < tasks; i++) {
            b.task(TaskSpec.builder("t" + i, TaskType.of("work")).tags(i % 2 == 0 ? "even" : "odd"));
        }
        return b.build();
    }

    /**
     * @param ids task ids
     * @return a workflow of independent tasks with those ids
     */
    public static WorkflowSpec workflowOf(String... ids) {
        WorkflowSpec.Builder b = WorkflowSpec.builder("wf");
        for (String id : ids) {
            b.task(TaskSpec.builder(id, TaskType.of("work")));
        }
        return b.build();
    }

    protected static List<TaskRecord> pending(String runId, int tasks) {
        List<TaskRecord> list = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            list.add(TaskRecord.pending(runId, "t" + i, i));
        }
        return list;
    }

    protected static RunRecord run(String runId, RunStatus status) {
        return new RunRecord(runId, "wf", status, Map.of("ticket", "SUP-1", "n", 3), T0, null, 0);
    }

    protected static void create(RunStore store, String runId, RunStatus status, int tasks) {
        store.createRun(run(runId, status), workflow(tasks), pending(runId, tasks));
    }

    @Test
    void createRun_roundTripsRunTasksAndWorkflow_andRejectsDuplicates() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 3);
        RunRecord run = store.findRun("r").orElseThrow();
        assertThat(run.inputs()).containsEntry("ticket", "SUP-1").containsEntry("n", 3);
        assertThat(run.createdAt()).isEqualTo(T0);
        assertThat(store.tasks("r")).extracting(TaskRecord::taskId).containsExactly("t0", "t1", "t2");
        assertThat(store.workflow("r").orElseThrow().tasks()).extracting(TaskSpec::id).containsExactly("t0", "t1",
                "t2");
        assertThatThrownBy(() -> create(store, "r", RunStatus.RUNNING, 1)).isInstanceOf(SupervisorException.class)
                .hasMessageContaining("already exists");
        assertThat(store.findRun("missing")).isEmpty();
        assertThat(store.workflow("missing")).isEmpty();
    }

    @Test
    void update_isCompareAndSet_andKeepsEveryField() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 1);
        TaskRecord ready = store.update(store.task("r", "t0").orElseThrow().readyWith(Map.of("repo", "a")));
        assertThatThrownBy(() -> store.update(ready.to(TaskState.READY).to(TaskState.RUNNING)))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("caller held version 2");
        TaskRecord running = store.update(ready.claimed("n1", T0.plusSeconds(30), T0));
        store.update(running.succeeded(T0.plusSeconds(1), Map.of("files", List.of("a.java")), List.of("t1"), true));
        TaskRecord done = store.task("r", "t0").orElseThrow();
        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(done.output()).isEqualTo(Map.of("files", List.of("a.java")));
        assertThat(done.item()).isEqualTo(Map.of("repo", "a"));
        assertThat(done.branches()).containsExactly("t1");
        assertThat(done.shortCircuited()).isTrue();
        assertThat(done.startedAt()).isEqualTo(T0);
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void updateAll_appliesInOrder_orNothingWhenOneIsStale() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 2);
        TaskRecord a1 = store.task("r", "t0").orElseThrow().to(TaskState.READY);
        TaskRecord a2 = a1.claimed("n1", null, T0);
        TaskRecord b1 = store.task("r", "t1").orElseThrow().to(TaskState.READY);
        store.updateAll(List.of(a1, b1, a2));
        assertThat(store.tasks("r")).containsExactly(a2, b1);

        TaskRecord b2 = store.update(b1.to(TaskState.SKIPPED)); // someone else moves t1 on
        TaskRecord a3 = a2.finished(TaskState.SUCCEEDED, T0.plusSeconds(1), "out", null);
        assertThatThrownBy(() -> store.updateAll(List.of(a3, b1.to(TaskState.CANCELLED))))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("t1");
        assertThat(store.tasks("r")).as("nothing of the refused batch is applied").containsExactly(a2, b2);
    }

    @Test
    void apply_storesTasksAndRun_orNothingWhenTheRunIsStale() {
        RunStore store = store();
        create(store, "r", RunStatus.PENDING, 1);
        RunRecord r0 = store.findRun("r").orElseThrow();
        TaskRecord t = store.task("r", "t0").orElseThrow().to(TaskState.READY);
        store.apply(new RunChanges("r", "n1", List.of(t), r0.withStatus(RunStatus.RUNNING, null), List.of()));
        assertThat(store.findRun("r").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(store.task("r", "t0")).contains(t);

        TaskRecord next = t.to(TaskState.SKIPPED);
        assertThatThrownBy(() -> store.apply(new RunChanges("r", "n1", List.of(next),
                r0.withStatus(RunStatus.CANCELLED, T0), List.of()))).isInstanceOf(StaleVersionException.class);
        assertThat(store.task("r", "t0")).as("the task change went back with the run's").contains(t);
    }

    @Test
    void updateRun_isCompareAndSet() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 1);
        RunRecord r = store.findRun("r").orElseThrow();
        RunRecord finished = new RunRecord("r", "wf", RunStatus.SUCCEEDED, r.inputs(), r.createdAt(), T0, 1);
        store.updateRun(finished);
        assertThat(store.findRun("r").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThatThrownBy(() -> store.updateRun(finished.withStatus(RunStatus.FAILED, T0)
                .withStatus(RunStatus.FAILED, T0))).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void tasksById_readsThoseThatExist() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 4);
        assertThat(store.tasks("r", List.of("t3", "t1", "nope"))).extracting(TaskRecord::taskId)
                .containsExactlyInAnyOrder("t1", "t3");
        assertThat(store.tasks("r", List.of())).isEmpty();
    }
}
