package dev.supervisor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunPage;
import dev.supervisor.api.RunQuery;
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
 * The {@link RunStore} contract. Every built-in store runs it (in-memory, H2, PostgreSQL); a third-party store runs
 * it too: extend this class in a test (JUnit 5) and return a new, empty store from {@link #store()}. A store that
 * also keeps an event log extends {@link RunEventLogContract}; one that supports cluster mode extends
 * {@link TaskClaimsContract}, which runs all three.
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
    /** Stores a run of workflow {@code workflowId} created {@code second} seconds after T0. */
    private static RunRecord stored(RunStore store, String runId, String workflowId, RunStatus status, int second) {
        RunRecord r = new RunRecord(runId, workflowId, status, Map.of(), T0.plusSeconds(second),
                status.isTerminal() ? T0.plusSeconds(second + 1) : null, 0);
        store.createRun(r, workflowOf("t0"), List.of(TaskRecord.pending(runId, "t0", 0)));
        return r;
    }

    private static List<String> ids(RunPage page) {
        return page.runs().stream().map(RunRecord::runId).toList();
    }

    @Test
    void runs_pageNewestFirst_andTheCursorsWalkEveryRunOnce() {
        RunStore store = store();
        stored(store, "a", "wf", RunStatus.SUCCEEDED, 1);
        stored(store, "b", "wf", RunStatus.RUNNING, 5);
        stored(store, "c", "wf", RunStatus.FAILED, 3);
        stored(store, "d", "wf", RunStatus.PENDING, 3); // same instant as c: the larger id comes first
        stored(store, "e", "wf", RunStatus.CANCELLED, 2);
        stored(store, "f", "wf", RunStatus.RUNNING, 4);
        stored(store, "g", "wf", RunStatus.TIMED_OUT, 0);

        RunPage first = store.runs(RunQuery.builder().limit(3).build());
        assertThat(ids(first)).containsExactly("b", "f", "d");
        RunPage second = store.runs(RunQuery.builder().limit(3).cursor(first.nextCursor()).build());
        assertThat(ids(second)).containsExactly("c", "e", "a");
        RunPage third = store.runs(RunQuery.builder().limit(3).cursor(second.nextCursor()).build());
        assertThat(ids(third)).containsExactly("g");
        assertThat(third.next()).as("the last page has no next").isEmpty();
        assertThat(store.runs(RunQuery.all()).runs()).hasSize(7).first().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(r.createdAt()).isEqualTo(T0.plusSeconds(5));
        });
        RunPage exact = store.runs(RunQuery.builder().limit(7).build());
        assertThat(exact.runs()).hasSize(7);
        assertThat(exact.next()).as("a full page with nothing after it").isEmpty();
    }

    @Test
    void runs_filterByStatusWorkflowAndCreationTime() {
        RunStore store = store();
        stored(store, "r1", "build", RunStatus.FAILED, 1);
        stored(store, "r2", "build", RunStatus.SUCCEEDED, 2);
        stored(store, "r3", "deploy", RunStatus.FAILED, 3);
        stored(store, "r4", "build", RunStatus.TIMED_OUT, 4);
        stored(store, "r5", "build", RunStatus.RUNNING, 5);

        assertThat(ids(store.runs(RunQuery.builder().statuses(RunStatus.FAILED, RunStatus.TIMED_OUT).build())))
                .containsExactly("r4", "r3", "r1");
        assertThat(ids(store.runs(RunQuery.builder().workflowId("build").statuses(RunStatus.FAILED,
                RunStatus.TIMED_OUT).build()))).containsExactly("r4", "r1");
        assertThat(ids(store.runs(RunQuery.builder().createdFrom(T0.plusSeconds(2)).createdTo(T0.plusSeconds(5))
                .build()))).as("from inclusive, to exclusive").containsExactly("r4", "r3", "r2");
        assertThat(ids(store.runs(RunQuery.builder().workflowId("nope").build()))).isEmpty();
        RunPage one = store.runs(RunQuery.builder().workflowId("build").limit(1).build());
        assertThat(ids(one)).containsExactly("r5");
        assertThat(ids(store.runs(RunQuery.builder().workflowId("build").limit(2).cursor(one.nextCursor()).build())))
                .as("filters hold on later pages too").containsExactly("r4", "r2");
    }

    @Test
    void runs_laterPagesDoNotShift_whenNewerRunsArriveOrStatusesChange() {
        RunStore store = store();
        for (int i = 0; i < 5; i++) {
            stored(store, "r" + i, "wf", RunStatus.RUNNING, i);
        }
        RunPage first = store.runs(RunQuery.builder().limit(2).build());
        assertThat(ids(first)).containsExactly("r4", "r3");
        stored(store, "newer", "wf", RunStatus.RUNNING, 10);
        RunRecord r2 = store.findRun("r2").orElseThrow();
        store.updateRun(r2.withStatus(RunStatus.SUCCEEDED, T0.plusSeconds(20)));
        RunPage second = store.runs(RunQuery.builder().limit(2).cursor(first.nextCursor()).build());
        assertThat(ids(second)).containsExactly("r2", "r1");
        assertThat(second.runs().get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
    }
}
