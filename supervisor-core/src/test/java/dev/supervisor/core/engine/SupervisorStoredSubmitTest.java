package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunQuery;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.SubmissionRejectedException;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Submitting to a supervisor with a store: a run is stored before it starts, without holding up the runs already
 * going, and it counts against {@code maxActiveRuns} from the moment it is admitted.
 */
class SupervisorStoredSubmitTest {
    private final ExecutorService submitters = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        submitters.shutdownNow();
    }

    /** An in-memory store whose creation of runs of workflow "big" waits for a gate, and can fail once. */
    private static final class GatedStore implements RunStore {
        final RunStore inner = RunStores.inMemory();
        final CountDownLatch storing = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        volatile boolean failNext;

        @Override
        public void createRun(RunRecord run, WorkflowSpec workflow, List<TaskRecord> tasks) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("disk full");
            }
            if (workflow.id().equals("big")) {
                storing.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            inner.createRun(run, workflow, tasks);
        }

        @Override
        public Optional<RunRecord> findRun(String runId) {
            return inner.findRun(runId);
        }

        @Override
        public Optional<WorkflowSpec> workflow(String runId) {
            return inner.workflow(runId);
        }

        @Override
        public void updateRun(RunRecord updated) {
            inner.updateRun(updated);
        }

        @Override
        public List<TaskRecord> tasks(String runId) {
            return inner.tasks(runId);
        }

        @Override
        public Optional<TaskRecord> task(String runId, String taskId) {
            return inner.task(runId, taskId);
        }

        @Override
        public TaskRecord update(TaskRecord updated) {
            return inner.update(updated);
        }

        @Override
        public dev.supervisor.api.RunPage runs(RunQuery query) {
            return inner.runs(query);
        }
    }

    private static WorkflowSpec workflow(String id) {
        return WorkflowSpec.builder(id).task(task("a")).task(task("b", "a")).build();
    }

    @Test
    void submit_whileALargeRunIsBeingStored_otherRunsStartAndEnd() throws Exception {
        GatedStore store = new GatedStore();
        try (Supervisor sup = Supervisor.create(SupervisorConfig.builder().runStore(store)
                .handler(WORK, ctx -> "ok").build())) {
            CompletableFuture<RunOutcome> big = CompletableFuture.supplyAsync(
                    () -> sup.submit(workflow("big")).outcome().join(), submitters);
            store.storing.await();

            RunOutcome small = sup.submit(workflow("small")).outcome().get(1, TimeUnit.MINUTES);

            assertThat(small.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(big).isNotDone();
            store.gate.countDown();
            assertThat(big.get(1, TimeUnit.MINUTES).status()).isEqualTo(RunStatus.SUCCEEDED);
        }
    }

    @Test
    void submit_beyondMaxActiveRuns_countsARunStillBeingStored_andStoresNothingOfTheRejectedOne()
            throws Exception {
        GatedStore store = new GatedStore();
        try (Supervisor sup = Supervisor.create(SupervisorConfig.builder().runStore(store).maxActiveRuns(1)
                .handler(WORK, ctx -> "ok").build())) {
            CompletableFuture<RunOutcome> big = CompletableFuture.supplyAsync(
                    () -> sup.submit(workflow("big")).outcome().join(), submitters);
            store.storing.await();

            assertThatThrownBy(() -> sup.submit(workflow("small"))).isInstanceOf(SubmissionRejectedException.class)
                    .hasMessageContaining("maxActiveRuns=1").hasMessageContaining("'small'");

            store.gate.countDown();
            assertThat(big.get(1, TimeUnit.MINUTES).status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(store.runs(RunQuery.builder().build()).runs()).extracting(r -> r.workflowId())
                    .containsExactly("big");
        }
    }

    @Test
    void submit_whenTheStoreFails_throwsAndFreesItsPlace() throws Exception {
        GatedStore store = new GatedStore();
        try (Supervisor sup = Supervisor.create(SupervisorConfig.builder().runStore(store).maxActiveRuns(1)
                .handler(WORK, ctx -> "ok").build())) {
            store.failNext = true;
            assertThatThrownBy(() -> sup.submit(workflow("first"))).hasMessageContaining("disk full");

            RunOutcome second = sup.submit(workflow("second")).outcome().get(1, TimeUnit.MINUTES);

            assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
        }
    }
}
