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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@link RunStore} contract; every store runs it (in-memory, H2, PostgreSQL). */
public abstract class RunStoreContract {
    protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");

    /** @return a new, empty store */
    protected abstract RunStore store();

    protected static void create(RunStore store, String runId, RunStatus status, int tasks) {
        List<TaskRecord> list = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            list.add(TaskRecord.pending(runId, "t" + i, i));
        }
        store.createRun(new RunRecord(runId, "wf", status, Map.of("ticket", "SUP-1", "n", 3), T0, null, 0), list);
    }

    @Test
    void createRun_roundTripsRunAndTasks_andRejectsDuplicates() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 3);
        RunRecord run = store.findRun("r").orElseThrow();
        assertThat(run.inputs()).containsEntry("ticket", "SUP-1").containsEntry("n", 3);
        assertThat(run.createdAt()).isEqualTo(T0);
        assertThat(store.tasks("r")).extracting(TaskRecord::taskId).containsExactly("t0", "t1", "t2");
        assertThatThrownBy(() -> create(store, "r", RunStatus.RUNNING, 1)).isInstanceOf(SupervisorException.class)
                .hasMessageContaining("already exists");
        assertThat(store.findRun("missing")).isEmpty();
    }

    @Test
    void update_isCompareAndSet_andKeepsOutputs() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 1);
        TaskRecord ready = store.update(store.task("r", "t0").orElseThrow().to(TaskState.READY));
        assertThatThrownBy(() -> store.update(ready.to(TaskState.READY).to(TaskState.RUNNING)))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("caller held version 2");
        TaskRecord running = store.claim("r", "n1", 1, Duration.ofSeconds(30), T0).get(0);
        store.update(running.finished(TaskState.SUCCEEDED, T0.plusSeconds(1), Map.of("files", List.of("a.java")),
                null));
        TaskRecord done = store.task("r", "t0").orElseThrow();
        assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(done.output()).isEqualTo(Map.of("files", List.of("a.java")));
        assertThat(done.startedAt()).isEqualTo(T0);
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
    void updateRun_isCompareAndSet() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 1);
        RunRecord r = store.findRun("r").orElseThrow();
        RunRecord finished = new RunRecord("r", "wf", RunStatus.SUCCEEDED, r.inputs(), r.createdAt(), T0, 1);
        store.updateRun(finished);
        assertThat(store.findRun("r").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThatThrownBy(() -> store.updateRun(finished)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void claim_leasesReadyAndDueRetries_inOrder_once() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 4);
        store.update(store.task("r", "t0").orElseThrow().to(TaskState.READY));
        store.update(store.task("r", "t2").orElseThrow().to(TaskState.READY));
        TaskRecord t3 = store.task("r", "t3").orElseThrow();
        store.update(new TaskRecord("r", "t3", 3, TaskState.RETRY_WAIT, 1, t3.version() + 1, null, null,
                T0.plusSeconds(60), null, null, null, "flaky"));
        List<TaskRecord> claimed = store.claim("r", "node-1", 10, Duration.ofSeconds(30), T0);
        assertThat(claimed).extracting(TaskRecord::taskId).containsExactly("t0", "t2");
        assertThat(claimed).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TaskState.RUNNING);
            assertThat(t.leaseOwner()).isEqualTo("node-1");
            assertThat(t.leaseExpiry()).isEqualTo(T0.plusSeconds(30));
        });
        assertThat(store.claim("r", "node-2", 10, Duration.ofSeconds(30), T0)).isEmpty();
        assertThat(store.claim("r", "node-2", 10, Duration.ofSeconds(30), T0.plusSeconds(60)))
                .extracting(TaskRecord::taskId).containsExactly("t3");
    }

    @Test
    void claim_concurrentClaimers_neverShareATask() throws Exception {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 200);
        for (TaskRecord t : store.tasks("r")) {
            store.update(t.to(TaskState.READY));
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> dup = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < 4; w++) {
            String owner = "node-" + w;
            pool.submit(() -> {
                start.await();
                List<TaskRecord> got;
                do {
                    got = store.claim("r", owner, 7, Duration.ofSeconds(30), T0);
                    for (TaskRecord t : got) {
                        if (!seen.add(t.taskId())) {
                            synchronized (dup) {
                                dup.add(t.taskId());
                            }
                        }
                    }
                } while (!got.isEmpty());
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dup).isEmpty();
        assertThat(seen).hasSize(200);
    }

    @Test
    void heartbeatAndReclaim_returnLapsedLeases_andFenceTheOldOwner() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 1);
        store.update(store.task("r", "t0").orElseThrow().to(TaskState.READY));
        TaskRecord mine = store.claim("r", "node-1", 1, Duration.ofSeconds(30), T0).get(0);
        TaskRecord beat = store.heartbeat(mine, Duration.ofSeconds(30), T0.plusSeconds(10)).orElseThrow();
        assertThat(store.heartbeat(mine, Duration.ofSeconds(30), T0.plusSeconds(11))).isEmpty();
        assertThat(store.reclaimExpired(T0.plusSeconds(35))).isEmpty();
        List<TaskRecord> reclaimed = store.reclaimExpired(T0.plusSeconds(41));
        assertThat(reclaimed).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TaskState.READY);
            assertThat(t.attempt()).isEqualTo(1);
        });
        assertThatThrownBy(() -> store.update(beat.finished(TaskState.SUCCEEDED, T0, "late", null)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.claim("r", "node-2", 1, Duration.ofSeconds(30), T0.plusSeconds(41)).get(0).attempt())
                .isEqualTo(2);
    }
}
