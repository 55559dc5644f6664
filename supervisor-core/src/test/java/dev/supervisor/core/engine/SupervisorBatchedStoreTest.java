package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.await;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine on a store that is not the in-memory one writes a hold of the lock's transitions as one batch: what
 * a listener or a downstream handler sees must already be stored, and a batch the store fails must leave the
 * engine as the store is.
 */
class SupervisorBatchedStoreTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** A store seen only through the SPI (so written in batches), counting calls, able to fail a batch. */
    private static final class SpiStore implements RunStore {
        final RunStore inner = RunStores.inMemory();
        final AtomicInteger updates = new AtomicInteger();
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger records = new AtomicInteger();
        volatile int failBatch = -1;

        @Override
        public void updateAll(List<TaskRecord> updated) {
            if (batches.incrementAndGet() == failBatch) {
                throw new IllegalStateException("disk full");
            }
            records.addAndGet(updated.size());
            inner.updateAll(updated);
        }

        @Override
        public TaskRecord update(TaskRecord updated) {
            updates.incrementAndGet();
            return inner.update(updated);
        }

        @Override
        public void createRun(RunRecord run, WorkflowSpec workflow, List<TaskRecord> tasks) {
            inner.createRun(run, workflow, tasks);
        }

        @Override
        public Optional<WorkflowSpec> workflow(String runId) {
            return inner.workflow(runId);
        }

        @Override
        public Optional<RunRecord> findRun(String runId) {
            return inner.findRun(runId);
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
    }

    private static WorkflowSpec layers(int width, int depth) {
        WorkflowSpec.Builder b = WorkflowSpec.builder("layers");
        for (int l = 0; l < depth; l++) {
            for (int k = 0; k < width; k++) {
                b.task(l == 0 ? task("t" + l + "_" + k) : task("t" + l + "_" + k, "t" + (l - 1) + "_" + k,
                        "t" + (l - 1) + "_" + ((k + 1) % width)));
            }
        }
        return b.build();
    }

    @Test
    void listenersAndDownstreamHandlers_onlySeeTransitionsTheStoreAlreadyHas_writtenInBatches() {
        SpiStore store = new SpiStore();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(pool).maxConcurrency(8)
                .runStore(store).handler(WORK, ctx -> {
                    for (String up : ctx.upstreamOutputs().keySet()) {
                        TaskState s = store.task(ctx.runId(), up).orElseThrow().state();
                        if (s != TaskState.SUCCEEDED) {
                            problems.add(ctx.task().id() + " ran while upstream " + up + " was stored " + s);
                        }
                    }
                    return ctx.task().id();
                }).build());
        sup.events().subscribe(TaskEvent.class, e -> {
            TaskState stored = store.task(e.runId(), e.taskId()).orElseThrow().state();
            TaskState expected = e instanceof TaskStarted ? TaskState.RUNNING
                    : e instanceof TaskSucceeded ? TaskState.SUCCEEDED : stored;
            // A task may have moved on in the same batch (started, then succeeded): never behind the event.
            if (stored != expected && !(e instanceof TaskStarted && stored.isTerminal())) {
                problems.add(e.getClass().getSimpleName() + " of " + e.taskId() + " while stored " + stored);
            }
        });
        WorkflowSpec wf = layers(50, 20);

        assertThat(await(sup.submit(wf)).status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(problems).isEmpty();
        assertThat(store.updates).as("the engine writes in batches only").hasValue(0);
        assertThat(store.records.get()).as("every transition stored: READY, RUNNING, SUCCEEDED")
                .isEqualTo(3 * 1_000);
        assertThat(store.batches.get()).as("fewer round trips than transitions").isLessThan(3 * 1_000);
    }

    @Test
    void batchTheStoreFails_stopsTheRun_andLeavesItsTasksAsTheStoreHasThem() throws Exception {
        SpiStore store = new SpiStore();
        store.failBatch = 3;
        AtomicInteger ran = new AtomicInteger();
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run)
                .runStore(store).handler(WORK, ctx -> ran.incrementAndGet()).build());
        WorkflowSpec chain = WorkflowSpec.builder("chain").task(task("a")).task(task("b", "a")).task(task("c", "b"))
                .build();

        RunHandle run = sup.submit(chain);

        assertThat(run.outcome()).isCompletedExceptionally();
        assertThat(run.outcome()).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class).withMessageContaining("disk full");
        Map<String, TaskState> engine = run.taskStates();
        for (TaskRecord r : store.tasks(run.runId())) {
            assertThat(engine.get(r.taskId())).as(r.taskId()).isEqualTo(r.state());
        }
        assertThat(ran.get()).as("nothing ran whose start was not stored").isLessThanOrEqualTo(2);
    }

    @Test
    void failedTask_eventCarriesTheErrorTheStoreHas() {
        SpiStore store = new SpiStore();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run)
                .runStore(store).handler(WORK, ctx -> {
                    throw new IllegalArgumentException("bad input");
                }).build());
        sup.events().subscribe(TaskFailed.class, e -> errors.add(e.error() + " / "
                + store.task(e.runId(), e.taskId()).orElseThrow().error()));

        sup.submit(WorkflowSpec.builder("one").task(task("a")).build());

        assertThat(errors).containsExactly("IllegalArgumentException: bad input / IllegalArgumentException: bad input");
    }

    @Test
    void runThatStartsAndEndsInOneBatch_isStoredEnded() {
        SpiStore store = new SpiStore();
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(pool).runStore(store)
                .handler(WORK, ctx -> null).build());
        // Every task is skipped at once: the run's start and its end go to the store in the same batch.
        var run = sup.submit(WorkflowSpec.builder("skipped").task(task("a").condition("false")).build());
        assertThat(EngineTestSupport.await(run).status()).isEqualTo(dev.supervisor.api.RunStatus.SUCCEEDED);
        assertThat(store.findRun(run.runId()).orElseThrow().status()).isEqualTo(dev.supervisor.api.RunStatus.SUCCEEDED);
        assertThat(store.findRun(run.runId()).orElseThrow().version()).isEqualTo(1);
    }
}
